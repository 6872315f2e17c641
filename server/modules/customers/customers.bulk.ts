import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, or } from 'drizzle-orm';
import type { CustomerCreate } from '../../../common/contracts/customers.contract.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { insertJsonRows } from '../../platform/db/json-insert.js';
import { recordCreations } from '../../platform/audit/audit.service.js';
import { bumpNumber, reserveNumbers } from '../../platform/sequences/next-number.js';
import { users } from '../staff/index.js';
import { lookupValues } from '../settings/lookups.table.js';
import { cities } from '../geo/index.js';
import { customerAddresses, customers } from './customers.table.js';
import { columnValues } from './domain/customer-values.js';
import { CODE_SEQUENCE, derived } from './customers.service.js';

type Row = typeof customers.$inferSelect;
/** Every column null: a new row's columns that the input leaves out. */
const EMPTY_ROW = Object.fromEntries(Object.keys(getTableColumns(customers)).map((k) => [k, null])) as unknown as Row;

/**
 * Inserts many already-validated customers with a handful of statements instead of several per row
 * (imports). Returns null when anything needs the one-by-one path's checks and messages — a taken
 * identifier, an unknown reference, contacts, more than one address — so the caller falls back to it.
 */
export async function insertCustomersBulk(tx: Tx, ctx: Ctx, inputs: CustomerCreate[]): Promise<Row[] | null> {
  if (!inputs.length) return [];
  if (inputs.some((i) => i.contacts?.length || (i.addresses?.length ?? 0) > 1)) return null;
  const values = inputs.map((i) => columnValues(i));

  const given = values.map((v) => Number(v.code)).filter((n) => Number.isSafeInteger(n));
  if (given.length) await bumpNumber(tx, ctx.tenantId, CODE_SEQUENCE, Math.max(...given));
  const missing = values.filter((v) => !v.code).length;
  let next = missing ? await reserveNumbers(tx, ctx.tenantId, CODE_SEQUENCE, missing) : 0;
  for (const v of values) if (!v.code) v.code = String(next++);
  const defaultOwner = ctx.userId && !scopeOf(ctx.principal, 'customers.assign') ? ctx.userId : undefined;
  for (const v of values) if (v.ownerId === undefined && defaultOwner) v.ownerId = defaultOwner;

  if (!(await identifiersFree(tx, ctx, values)) || !(await referencesExist(tx, ctx, values))) return null;
  const places = await placesOf(tx, inputs);
  if (!places) return null;

  // Ids are made here and the rows sent as one JSON parameter (insertJsonRows): no RETURNING to parse,
  // and the rows below are exactly what the database stores (every column, its default included).
  const now = ctx.now();
  const rows: Row[] = values.map((v, i) => ({
    ...EMPTY_ROW, ...(v as Partial<Row>), ...derived(v), ...places[i], tags: (v.tags as string[] | undefined) ?? [],
    id: randomUUID(), tenantId: ctx.tenantId, createdBy: ctx.userId ?? null, version: 1, createdAt: now, updatedAt: now,
  }) as Row);
  await insertJsonRows(tx, customers, rows);
  const addresses = inputs.flatMap((input, i) => {
    const a = input.addresses?.[0];
    return a ? [{ id: randomUUID(), tenantId: ctx.tenantId, customerId: rows[i]!.id, title: a.title ?? null, postalCode: a.postalCode ?? null, address: a.address, phone: a.phone ?? null, isPrimary: true, ...places[i], createdAt: now }] : [];
  });
  await insertJsonRows(tx, customerAddresses, addresses);
  await recordCreations(tx, ctx, 'customer', rows);
  return rows;
}

async function identifiersFree(tx: Tx, ctx: Ctx, values: Record<string, unknown>[]) {
  const conds = [];
  for (const f of ['nationalId', 'legalId', 'economicCode', 'code'] as const) {
    const list = values.map((v) => v[f]).filter((x): x is string => typeof x === 'string' && x !== '');
    if (new Set(list).size !== list.length) return false;
    if (list.length) conds.push(inArray(customers[f], list));
  }
  if (!conds.length) return true;
  const [taken] = await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), or(...conds))).limit(1);
  return !taken;
}

async function referencesExist(tx: Tx, ctx: Ctx, values: Record<string, unknown>[]) {
  const distinct = (f: string) => [...new Set(values.map((v) => v[f]).filter((x): x is string => typeof x === 'string'))];
  const owners = distinct('ownerId');
  if (owners.length) {
    const ok = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.active, true), inArray(users.id, owners)));
    if (ok.length !== owners.length) return false;
  }
  const lookups = [...distinct('sourceId'), ...distinct('organizationTypeId')];
  if (lookups.length) {
    const ok = await tx.select({ id: lookupValues.id }).from(lookupValues).where(and(eq(lookupValues.tenantId, ctx.tenantId), inArray(lookupValues.id, lookups)));
    if (ok.length !== new Set(lookups).size) return false;
  }
  return true;
}

/** Province and city of each row's address; null when a city is unknown or in another province. */
async function placesOf(tx: Tx, inputs: CustomerCreate[]) {
  const cityIds = [...new Set(inputs.map((i) => i.addresses?.[0]?.cityId).filter((c): c is number => !!c))];
  const known = new Map((cityIds.length ? await tx.select().from(cities).where(inArray(cities.id, cityIds)) : []).map((c) => [c.id, c.provinceId]));
  const out: { provinceId: number | null; cityId: number | null }[] = [];
  for (const i of inputs) {
    const a = i.addresses?.[0];
    if (!a?.cityId) { out.push({ provinceId: a?.provinceId ?? null, cityId: null }); continue; }
    const province = known.get(a.cityId);
    if (!province || (a.provinceId && a.provinceId !== province)) return null;
    out.push({ provinceId: province, cityId: a.cityId });
  }
  return out;
}
