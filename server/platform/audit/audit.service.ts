import { and, desc, eq, lt } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/types.js';
import { inTenant } from '../db/transactions.js';
import { auditLog } from './audit.table.js';
import { insertJsonRows } from '../db/json-insert.js';

type Json = Record<string, unknown>;
/** Fields never written to the audit log. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'keyHash', 'csrfToken', 'secret']);
/** Bookkeeping columns nobody reads in a change history (an edit's time is the entry's own). */
const INTERNAL_FIELDS = new Set(['id', 'tenantId', 'searchText', 'phoneDigits', 'displayName', 'version', 'createdBy', 'createdAt', 'updatedAt', 'editedAt', 'path']);

const clean = (row: Json | null | undefined): Json | null => {
  if (!row) return null;
  const out: Json = {};
  for (const [k, v] of Object.entries(row)) {
    if (SECRET_FIELDS.has(k) || INTERNAL_FIELDS.has(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
};

/** clean() of a new record, keeping only the fields filled in; one pass, as bulk imports make 100,000 of them. */
function filledIn(row: Json): Json {
  const out: Json = {};
  for (const k in row) {
    const v = row[k];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || SECRET_FIELDS.has(k) || INTERNAL_FIELDS.has(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? v.toString() : v;
  }
  return out;
}

/** Only the fields that changed, so history shows what someone actually did. */
function changedOnly(before: Json | null, after: Json | null): { before: Json | null; after: Json | null } {
  if (!before || !after) return { before, after };
  const b: Json = {};
  const a: Json = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version' || key === 'editedAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

export type AuditInput = {
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before?: Json | null;
  after?: Json | null;
};

/** Writes one audit entry inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  const diff = changedOnly(clean(input.before), clean(input.after));
  // A new record's history lists what was filled in, not every empty column.
  if (input.action === 'create' && diff.after) {
    diff.after = Object.fromEntries(Object.entries(diff.after).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
  }
  if (input.action === 'update' && diff.after && Object.keys(diff.after).length === 0) return;
  await tx.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorUserId: ctx.principal.userId,
    actorApiKeyId: ctx.principal.apiKeyId,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    before: diff.before,
    after: diff.after,
    requestId: ctx.requestId,
    at: ctx.now(),
  });
}

export type AuditEntry = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
};

export async function listAudit(ctx: Ctx, q: { entity: string; entityId: string; limit: number; cursor?: number | undefined }) {
  const rows = await inTenant(ctx.db, ctx, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, ctx.tenantId),
          eq(auditLog.entity, q.entity),
          eq(auditLog.entityId, q.entityId),
          q.cursor ? lt(auditLog.id, q.cursor) : undefined,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(q.limit + 1),
  );
  const page = rows.slice(0, q.limit);
  const items: AuditEntry[] = page.map((r) => {
    const before = (r.before ?? {}) as Json;
    const after = (r.after ?? {}) as Json;
    const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
    return {
      id: r.id,
      at: r.at,
      actorUserId: r.actorUserId,
      actorApiKeyId: r.actorApiKeyId,
      action: r.action,
      changes: [...fields].map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
    };
  });
  return { items, nextCursor: rows.length > q.limit ? String(page.at(-1)!.id) : null };
}

/** History entries of one record older than `before`, for timelines that merge several sources. */
export async function auditEntriesBefore(tx: Tx, tenantId: string, entity: string, entityId: string, before: Date | null, limit: number) {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), before ? lt(auditLog.at, before) : undefined))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Many creations at once (bulk import): one insert (one JSON parameter) instead of one per record. */
export async function recordCreations(tx: Tx, ctx: Ctx, entity: string, rows: Json[]): Promise<void> {
  await recordCreationsOf(tx, rows.map((row) => ({ ctx, entity, row })));
}

/** Creations made for different requests in one transaction (grouped commands): each entry keeps its own actor and request id. */
export async function recordCreationsOf(tx: Tx, entries: { ctx: Ctx; entity: string; row: Json }[]): Promise<void> {
  if (!entries.length) return;
  const first = entries[0]!;
  if (entries.every((e) => e.ctx === first.ctx && e.entity === first.entity)) {
    // One request's creations (imports): what is the same for all is sent once (insertJsonRows `same`).
    const { ctx, entity } = first;
    const same = { tenantId: ctx.tenantId, actorUserId: ctx.principal.userId, actorApiKeyId: ctx.principal.apiKeyId, entity, action: 'create' as const, requestId: ctx.requestId, at: ctx.now() };
    await insertJsonRows(tx, auditLog, entries.map(({ row }) => ({ entityId: String(row.id), after: filledIn(row) })), { same });
    return;
  }
  await insertJsonRows(tx, auditLog, entries.map(({ ctx, entity, row }) => ({
    tenantId: ctx.tenantId, actorUserId: ctx.principal.userId, actorApiKeyId: ctx.principal.apiKeyId, entity,
    entityId: String(row.id), action: 'create' as const, before: null, after: filledIn(row), requestId: ctx.requestId, at: ctx.now(),
  })));
}
