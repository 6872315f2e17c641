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
  // Streams by tenant and by (tenant, user): an event for one person looks at that person's streams only,
  // so an announcement to a thousand people costs a thousand look-ups, not a million comparisons.
  const byTenant = new Map<string, Set<Subscriber>>();
  const byUser = new Map<string, Set<Subscriber>>();
  const userKey = (tenantId: string, userId: string) => `${tenantId}:${userId}`;
  let starting: Promise<() => Promise<void>> | null = null;

  const add = (map: Map<string, Set<Subscriber>>, key: string, sub: Subscriber) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(sub);
  };
  const remove = (map: Map<string, Set<Subscriber>>, key: string, sub: Subscriber) => {
    const set = map.get(key);
    if (set?.delete(sub) && set.size === 0) map.delete(key);
  };

  const deliver = (payload: string) => {
    const event = decodeEvent(payload);
    if (!event) return;
    const targets = event.userId === null ? byTenant.get(event.tenantId) : byUser.get(userKey(event.tenantId, event.userId));
    for (const s of targets ?? []) {
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
      add(byTenant, sub.tenantId, sub);
      if (sub.userId !== null) add(byUser, userKey(sub.tenantId, sub.userId), sub);
      return () => {
        remove(byTenant, sub.tenantId, sub);
        if (sub.userId !== null) remove(byUser, userKey(sub.tenantId, sub.userId), sub);
      };
    },
    connectionCount: (filter) => {
      const all = filter?.tenantId ? [...(byTenant.get(filter.tenantId) ?? [])] : [...byTenant.values()].flatMap((set) => [...set]);
      return all.filter((s) => !filter?.userId || s.userId === filter.userId).length;
    },
    stop: async () => {
      const unlisten = starting;
      starting = null;
      byTenant.clear();
      byUser.clear();
      if (unlisten) await (await unlisten)();
    },
  };
}
