import type { Database } from '../db/open-database.js';
import { decodeEvent, EVENTS_CHANNEL, type CrmEvent } from './publish.js';

export type Subscriber = {
  tenantId: string;
  /** null (an API key): receives only the tenant-wide events. */
  userId: string | null;
  send: (event: CrmEvent) => void;
};

export type EventHub = {
  /** LISTENs once; later calls return at once. */
  start(): Promise<void>;
  subscribe(sub: Subscriber): () => void;
  /** Open subscriptions, optionally of one user (tests, metrics). */
  connectionCount(filter?: { tenantId?: string; userId?: string }): number;
  stop(): Promise<void>;
};

const hubs = new WeakMap<Database, EventHub>();

/** One hub per Database (per connection pool): one LISTEN fans out to every open SSE stream of this process. */
export function eventHubFor(database: Database): EventHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = createEventHub(database);
    hubs.set(database, hub);
  }
  return hub;
}

export function createEventHub(database: Database): EventHub {
  const subs = new Set<Subscriber>();
  let starting: Promise<() => Promise<void>> | null = null;

  const deliver = (payload: string) => {
    const event = decodeEvent(payload);
    if (!event) return;
    for (const s of subs) {
      if (s.tenantId !== event.tenantId) continue;
      if (event.userId !== null && s.userId !== event.userId) continue;
      try {
        s.send(event);
      } catch {
        /* one broken stream must not stop the others; its close handler unsubscribes it */
      }
    }
  };

  return {
    start: async () => {
      starting ??= database.listen(EVENTS_CHANNEL, deliver);
      try {
        await starting;
      } catch (err) {
        starting = null; // let a later start retry
        throw err;
      }
    },
    subscribe: (sub) => {
      subs.add(sub);
      return () => void subs.delete(sub);
    },
    connectionCount: (filter) =>
      [...subs].filter((s) => (!filter?.tenantId || s.tenantId === filter.tenantId) && (!filter?.userId || s.userId === filter.userId)).length,
    stop: async () => {
      const unlisten = starting;
      starting = null;
      subs.clear();
      if (unlisten) await (await unlisten)();
    },
  };
}
