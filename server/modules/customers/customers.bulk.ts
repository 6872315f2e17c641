import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { CustomerCreate } from '../../../common/contracts/customers.contract.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { insertJsonRows } from '../../platform/db/json-insert.js';
import { timeOrderedId } from '../../platform/db/time-ordered-id.js';
import { recordCreations } from '../../platform/audit/audit.service.js';
import { bumpNumber, reserveNumbers } from '../../platform/sequences/next-number.js';
import { users } from '../staff/index.js';
import { lookupValues } from '../settings/lookups.table.js';
import { cities } from '../geo/index.js';
import { anyCustomerWithValues, type IdentifierField } from './customers.lookup.js';
import { customerAddresses, customers } from './customers.table.js';
import { columnValues, displayNameOf } from './domain/customer-values.js';
import { customerPhoneDigits, customerSearchTextAroundCode } from './customers.repository.js';
import { CODE_SEQUENCE } from './customers.service.js';

type Row = typeof customers.$inferSelect;
/** Every column null: a new row's columns that the input leaves out. */
const EMPTY_ROW = Object.fromEntries(Object.keys(getTableColumns(customers)).map((k) => [k, null])) as unknown as Row;

/**
 * Inserts many already-validated customers with a handful of statements instead of several per row
 * (imports). Returns null when anything needs the one-by-one path's checks and messages — a taken
 * identifier, an unknown reference, contacts, more than one address — so the caller falls back to it.
 */
export async function insertCustomersBulk(tx: Tx, ctx: Ctx, inputs: CustomerCreate[]): Promise<Row[] | null> {
  const drafts = inputs.map((input) => draftCustomer(ctx, input));
  const rows = await prepareCustomersBulk(tx, ctx, drafts);
  if (rows) await writeCustomersBulk(tx, ctx, drafts, rows);
  return rows;
}

/**
 * A new customer's row as far as it can be worked out without the database: id, column values, the
 * derived columns, the default owner. An import makes these for the next batch while the database is
 * still writing the current one; prepareCustomersBulk adds the code and the search text around it.
 */
export type CustomerDraft = { input: CustomerCreate; row: Row; searchText: (code: string) => string };

export function draftCustomer(ctx: Ctx, input: CustomerCreate): CustomerDraft {
  const v = columnValues(input) as Partial<Row>;
  if (v.ownerId === undefined && ctx.userId && !scopeOf(ctx.principal, 'customers.assign')) v.ownerId = ctx.userId;
  const now = ctx.now();
  const row: Row = {
    ...EMPTY_ROW, ...v, tags: v.tags ?? [], displayName: displayNameOf(v as Row), phoneDigits: customerPhoneDigits(v),
    id: timeOrderedId(), tenantId: ctx.tenantId, createdBy: ctx.userId ?? null, version: 1, createdAt: now, updatedAt: now,
  };
  return { input, row, searchText: customerSearchTextAroundCode(row) };
}

/**
 * Moves the customer-code sequence past the largest code given by hand (if any) and reserves `missing`
 * numbers; returns the first. The sequence row stays locked until the transaction that did this ends.
 */
export type CodeNumbering = (largestGiven: number | null, missing: number) => Promise<number>;

/** Numbering inside the insert's own transaction: a rolled-back insert leaves no gap in the codes. */
export const codesInTransaction = (tx: Tx, ctx: Ctx): CodeNumbering => async (largestGiven, missing) => {
  if (largestGiven !== null) await bumpNumber(tx, ctx.tenantId, CODE_SEQUENCE, largestGiven);
  return missing ? reserveNumbers(tx, ctx.tenantId, CODE_SEQUENCE, missing) : 0;
};

/**
 * The checks and the numbering of a bulk insert, and the rows exactly as they will be stored (every
 * column, defaults included); null when the one-by-one path is needed (see insertCustomersBulk).
 */
export async function prepareCustomersBulk(tx: Tx, ctx: Ctx, drafts: CustomerDraft[], numbering: CodeNumbering = codesInTransaction(tx, ctx)): Promise<Row[] | null> {
  if (!drafts.length) return [];
  if (drafts.some(({ input: i }) => i.contacts?.length || (i.addresses?.length ?? 0) > 1)) return null;
  const rows = drafts.map((d) => d.row);
  // Checked before numbering, so a batch that falls back to the one-by-one path has reserved nothing.
  // Codes about to be reserved are new, so only the codes given by hand need checking.
  if (!(await identifiersFree(tx, ctx, rows)) || !(await referencesExist(tx, ctx, rows))) return null;
  const places = await placesOf(tx, drafts.map((d) => d.input));
  if (!places) return null;

  const given = rows.filter((r) => r.code).map((r) => Number(r.code)).filter((n) => Number.isSafeInteger(n));
  const missing = rows.filter((r) => !r.code).length;
  let next = await numbering(given.length ? Math.max(...given) : null, missing);
  // The drafts' rows are completed in place (a draft is used once; copying 100,000 rows is GC work).
  // One time for the batch, as one insert would have it (writeCustomersBulk sends it once).
  const now = ctx.now();
  drafts.forEach(({ row, searchText }, i) => {
    if (!row.code) row.code = String(next++);
    row.searchText = searchText(row.code);
    row.createdAt = now;
    row.updatedAt = now;
    Object.assign(row, places[i]);
  });
  return rows;
}

/**
 * Writes the customers, their addresses and their audit entries, each as one statement with one JSON
 * parameter (insertJsonRows); what prepareCustomersBulk made the same for every row goes once.
 */
export async function writeCustomersBulk(tx: Tx, ctx: Ctx, drafts: CustomerDraft[], rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const { tenantId, createdBy, version, createdAt, updatedAt } = rows[0]!;
  await insertJsonRows(tx, customers, rows, { same: { tenantId, createdBy, version, createdAt, updatedAt } });
  const addresses = drafts.flatMap(({ input }, i) => {
    const a = input.addresses?.[0];
    const row = rows[i]!;
    return a ? [{ id: timeOrderedId(), customerId: row.id, title: a.title ?? null, postalCode: a.postalCode ?? null, address: a.address, phone: a.phone ?? null, provinceId: row.provinceId, cityId: row.cityId }] : [];
  });
  await insertJsonRows(tx, customerAddresses, addresses, { same: { tenantId, isPrimary: true, createdAt } });
  await recordCreations(tx, ctx, 'customer', rows);
}

async function identifiersFree(tx: Tx, ctx: Ctx, values: Record<string, unknown>[]) {
  const wanted: [IdentifierField, string[]][] = [];
  for (const f of ['nationalId', 'legalId', 'economicCode', 'code'] as const) {
    const list = values.map((v) => v[f]).filter((x): x is string => typeof x === 'string' && x !== '');
    if (new Set(list).size !== list.length) return false;
    wanted.push([f, list]);
  }
  for (const [f, list] of wanted) if (await anyCustomerWithValues(tx, ctx.tenantId, f, list)) return false;
  return true;
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
