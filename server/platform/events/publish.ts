import { sql } from 'drizzle-orm';
import type { Executor } from '../db/types.js';

export const EVENTS_CHANNEL = 'crm_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; keep a margin. */
export const MAX_EVENT_BYTES = 7000;
const TYPE_RE = /^[a-z][a-zA-Z0-9._-]{0,63}$/;

export type CrmEvent<D = unknown> = {
  tenantId: string;
  /** null: every connection of the tenant. */
  userId: string | null;
  /** Becomes the SSE `event:` name, e.g. 'notification'. */
  type: string;
  /** Ids and small fields only; clients fetch the rest. */
  data: D;
};

/** The NOTIFY payload: short keys, because every byte counts against the limit. */
export type WireEvent = { t: string; u: string | null; e: string; d: unknown };

export function encodeEvent(event: CrmEvent): string {
  if (!TYPE_RE.test(event.type)) throw new Error(`Invalid event type "${event.type}"`);
  const wire: WireEvent = { t: event.tenantId, u: event.userId, e: event.type, d: event.data ?? null };
  const json = JSON.stringify(wire);
  if (Buffer.byteLength(json) > MAX_EVENT_BYTES) {
    throw new Error(`Event "${event.type}" is ${Buffer.byteLength(json)} bytes; send ids, not records (limit ${MAX_EVENT_BYTES})`);
  }
  return json;
}

export function decodeEvent(payload: string): CrmEvent | null {
  try {
    const w = JSON.parse(payload) as Partial<WireEvent>;
    if (typeof w.t !== 'string' || typeof w.e !== 'string' || !TYPE_RE.test(w.e)) return null;
    return { tenantId: w.t, userId: typeof w.u === 'string' ? w.u : null, type: w.e, data: w.d ?? null };
  } catch {
    return null;
  }
}

/**
 * Publishes a live event inside the caller's transaction: PostgreSQL delivers it on commit only,
 * to every server process listening, so a rolled-back change never shows up on anyone's screen.
 */
export async function publishEvent(tx: Executor, event: CrmEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${encodeEvent(event)})`);
}

/**
 * Many events in one statement (a scheduler batch notifying hundreds of people): same guarantees as
 * `publishEvent`, one round trip instead of one per event.
 */
export async function publishEvents(tx: Executor, events: CrmEvent[]): Promise<void> {
  if (!events.length) return;
  // One JSON array parameter: the same on node-postgres and PGlite, whatever their array encodings.
  const payloads = JSON.stringify(events.map(encodeEvent));
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, p) from json_array_elements_text(${payloads}::json) as p`);
}
