import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { lookupValues } from './lookups.table.js';

type ListDef = { label: { fa: string; en: string }; defaults: string[] };
type UsageCheck = (tx: Tx, tenantId: string, id: string) => Promise<boolean>;
const usage = new Map<string, UsageCheck[]>();
/** A module that stores a list value's id says how to tell whether one is in use (no cross-module foreign keys). */
export const registerLookupUsage = (list: string, check: UsageCheck) => usage.set(list, [...(usage.get(list) ?? []), check]);
const lists = new Map<string, ListDef>();
/** A module declares the small lists it uses; Settings shows a page for each. */
export const registerLookupList = (key: string, def: ListDef) => lists.set(key, def);
export const lookupLists = () => [...lists].map(([key, d]) => ({ key, label: d.label }));

const known = (list: string) => {
  if (!lists.has(list)) throw notFound('فهرست');
};

export async function listLookup(ctx: Ctx, list: string) {
  known(list);
  return inTenant(ctx.db, ctx, (tx) =>
    tx.select({ id: lookupValues.id, name: lookupValues.name, sortOrder: lookupValues.sortOrder, active: lookupValues.active })
      .from(lookupValues)
      .where(and(eq(lookupValues.tenantId, ctx.tenantId), eq(lookupValues.list, list)))
      .orderBy(asc(lookupValues.sortOrder), asc(lookupValues.name)));
}

/** Adds a value to a list in the caller's transaction, audited; other modules use it too (e.g. a brand met in an import). */
export async function addLookupValue(tx: Tx, ctx: Ctx, list: string, input: { name: string; sortOrder?: number | undefined; active?: boolean | undefined }) {
  known(list);
  const [row] = await tx.insert(lookupValues).values({ tenantId: ctx.tenantId, list, name: input.name, sortOrder: input.sortOrder ?? 0, active: input.active ?? true }).returning();
  await recordAudit(tx, ctx, { entity: 'lookup', entityId: row!.id, action: 'create', after: row! });
  return row!;
}

export async function saveLookup(ctx: Ctx, list: string, id: string | null, input: { name?: string | undefined; sortOrder?: number | undefined; active?: boolean | undefined }) {
  known(list);
  return inTenant(ctx.db, ctx, async (tx) => {
    if (!id) return addLookupValue(tx, ctx, list, { ...input, name: input.name ?? '' });
    const [before] = await tx.select().from(lookupValues).where(and(eq(lookupValues.tenantId, ctx.tenantId), eq(lookupValues.list, list), eq(lookupValues.id, id)));
    if (!before) throw notFound('مقدار');
    const [after] = await tx.update(lookupValues).set({ ...(input.name !== undefined ? { name: input.name } : {}), ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}), ...(input.active !== undefined ? { active: input.active } : {}) }).where(eq(lookupValues.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'lookup', entityId: id, action: 'update', before, after: after! });
    return after!;
  });
}

export async function deleteLookup(ctx: Ctx, list: string, id: string) {
  known(list);
  await inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(lookupValues).where(and(eq(lookupValues.tenantId, ctx.tenantId), eq(lookupValues.list, list), eq(lookupValues.id, id)));
    if (!before) throw notFound('مقدار');
    for (const inUse of usage.get(list) ?? []) {
      if (await inUse(tx, ctx.tenantId, id)) throw new AppError('in_use', { detail: 'این مقدار استفاده شده است؛ به جای حذف، آن را غیرفعال کنید.' });
    }
    await tx.delete(lookupValues).where(eq(lookupValues.id, id));
    await recordAudit(tx, ctx, { entity: 'lookup', entityId: id, action: 'delete', before });
  });
}

/** New companies start with each list's default values. */
export async function seedLookupDefaults(tx: Tx, tenantId: string) {
  for (const [list, def] of lists) {
    if (def.defaults.length) await tx.insert(lookupValues).values(def.defaults.map((name, i) => ({ tenantId, list, name, sortOrder: i })));
  }
}
