import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CustomerListQuery, CustomerOut } from '../../../common/contracts/customers.contract.js';
import { digitsOnly, searchNormalize } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/http/keyset.js';
import { users } from '../staff/index.js';
import { cities, provinces } from '../geo/index.js';
import { lookupValues } from '../settings/lookups.table.js';
import { customers } from './customers.table.js';

const orgType = alias(lookupValues, 'org_type');
const source = alias(lookupValues, 'source');

type Row = typeof customers.$inferSelect;

const namesOf = (c: Partial<Row>) => [c.displayName, c.firstName, c.lastName, c.companyName];
const idsOf = (c: Partial<Row>) => [c.nationalId, c.legalId, c.economicCode, c.email, ...(c.tags ?? [])];
const words = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

/** Everything a search box may match: names, code, IDs, phones, email and tags, normalized. */
export function customerSearchText(c: Partial<Row>): string {
  return searchNormalize(words([...namesOf(c), c.code, ...idsOf(c)]));
}

/**
 * customerSearchText of a customer whose code is not known yet (a bulk insert numbers its rows inside
 * the transaction): the words around the code are normalised now, the code (plain digits, which
 * normalising leaves alone) is put between them later. Gives the same text as customerSearchText.
 */
export function customerSearchTextAroundCode(c: Partial<Row>): (code: string) => string {
  const before = searchNormalize(words(namesOf(c)));
  const after = searchNormalize(words(idsOf(c)));
  return (code) => words([before, code, after]);
}

/** Phones as bare digits without the leading 0 or 98, so «۰۹۱۲…», «+98 912…» and «912…» all match. */
export const customerPhoneDigits = (c: Partial<Row>) =>
  [c.mobile, c.phone].filter(Boolean).map((p) => digitsOnly(p!).replace(/^(98|0)/, '')).join(' ');

export function searchCondition(q: string | undefined): SQL | undefined {
  const text = q ? searchNormalize(q) : '';
  if (!text) return undefined;
  const digits = digitsOnly(q!);
  const phone = digits.length >= 3 ? sql` or ${customers.phoneDigits} like ${'%' + digits.replace(/^(98|0)/, '') + '%'}` : sql``;
  return sql`(${customers.searchText} like ${'%' + text + '%'}${phone})`;
}

const SORTS = {
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  displayName: customers.displayName,
  code: customers.code,
} as const;

export function filterConditions(tenantId: string, q: Omit<CustomerListQuery, 'limit' | 'cursor' | 'total' | 'sort'>): SQL | undefined {
  return and(
    eq(customers.tenantId, tenantId),
    searchCondition(q.q),
    q.kind ? eq(customers.kind, q.kind) : undefined,
    q.ownerId ? eq(customers.ownerId, q.ownerId) : undefined,
    q.noOwner === 'true' ? isNull(customers.ownerId) : undefined,
    q.provinceId ? eq(customers.provinceId, q.provinceId) : undefined,
    q.cityId ? eq(customers.cityId, q.cityId) : undefined,
    q.sourceId ? eq(customers.sourceId, q.sourceId) : undefined,
    q.grade ? eq(customers.grade, q.grade) : undefined,
    q.tag ? sql`${customers.tags} @> array[${q.tag}]::text[]` : undefined,
    q.createdFrom ? gte(customers.createdAt, q.createdFrom) : undefined,
    q.createdTo ? lt(customers.createdAt, new Date(q.createdTo.getTime() + 86_400_000)) : undefined,
  );
}

export async function selectCustomers(tx: Tx, where: SQL | undefined, opts: { sort: string; limit: number; cursor?: string | undefined }) {
  const descending = opts.sort.startsWith('-');
  const sortExpr = SORTS[opts.sort.replace('-', '') as keyof typeof SORTS];
  const rows = await tx
    .select({
      c: customers,
      sortValue: sql<unknown>`${sortExpr}`,
      ownerName: sql<string | null>`${users.firstName} || ' ' || ${users.lastName}`,
      organizationTypeName: orgType.name,
      sourceName: source.name,
      provinceName: provinces.name,
      cityName: cities.name,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .leftJoin(orgType, eq(orgType.id, customers.organizationTypeId))
    .leftJoin(source, eq(source.id, customers.sourceId))
    .leftJoin(provinces, eq(provinces.id, customers.provinceId))
    .leftJoin(cities, eq(cities.id, customers.cityId))
    .where(and(where, afterCursor(sortExpr, customers.id, descending, opts.cursor)))
    .orderBy(descending ? desc(sortExpr) : asc(sortExpr), descending ? desc(customers.id) : asc(customers.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toCustomerOut(r.c, r)),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.sortValue, last.c.id) : null,
  };
}

/** With a cap, counting stops there (a search box needs "5000+", not an exact count of a common name). */
export async function countCustomers(tx: Tx, where: SQL | undefined, cap?: number) {
  if (cap) {
    const sub = tx.select({ one: sql`1` }).from(customers).where(where).limit(cap).as('capped');
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(sub);
    return Number(r?.n ?? 0);
  }
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  return Number(r?.n ?? 0);
}

export const byIds = (ids: string[]) => inArray(customers.id, ids);

type Names = { ownerName?: string | null; organizationTypeName?: string | null; sourceName?: string | null; provinceName?: string | null; cityName?: string | null };

export function toCustomerOut(c: Row, n: Names): CustomerOut {
  return {
    id: c.id, code: c.code, kind: c.kind, displayName: c.displayName, firstName: c.firstName, lastName: c.lastName,
    companyName: c.companyName, nationalId: c.nationalId, legalId: c.legalId, economicCode: c.economicCode,
    registrationNo: c.registrationNo, organizationTypeId: c.organizationTypeId, organizationTypeName: n.organizationTypeName ?? null,
    birthDate: c.birthDate, weddingDate: c.weddingDate, mobile: c.mobile, phone: c.phone, email: c.email, website: c.website,
    sheba: c.sheba, sourceId: c.sourceId, sourceName: n.sourceName ?? null, grade: c.grade, tags: c.tags,
    ownerId: c.ownerId, ownerName: n.ownerName?.trim() || null, notes: c.notes, provinceId: c.provinceId,
    provinceName: n.provinceName ?? null, cityId: c.cityId, cityName: n.cityName ?? null, version: c.version,
    createdAt: c.createdAt, updatedAt: c.updatedAt,
  };
}

/**
 * The ids of one page of a search. LIKE is not leakproof, so under row-level security PostgreSQL will
 * not use the trigram index for it and scans every row of the tenant. This runs outside RLS (explicit
 * tenant filter, the same scope and filters); the caller then reads the rows themselves under RLS.
 * The matches are collected first (materialized, through the trigram index) and sorted after, so a
 * rare term never walks the whole table in created-at order. Very common terms are capped.
 */
export const SEARCH_MATCH_CAP = 5000;
export async function searchPageIds(tx: Tx, where: SQL | undefined, opts: { sort: string; limit: number; cursor?: string | undefined }) {
  const descending = opts.sort.startsWith('-');
  const sortExpr = SORTS[opts.sort.replace('-', '') as keyof typeof SORTS];
  const dir = sql.raw(descending ? 'desc' : 'asc');
  let after = sql`true`;
  if (opts.cursor) {
    const [value, id] = decodeCursor(opts.cursor);
    after = descending ? sql`(m.sort_value, m.id) < (${value}, ${id})` : sql`(m.sort_value, m.id) > (${value}, ${id})`;
  }
  const res = await tx.execute(sql`
    select m.id, m.sort_value from (
      select ${customers.id} as id, ${sortExpr} as sort_value from ${customers} where ${where ?? sql`true`} limit ${SEARCH_MATCH_CAP}
    ) m
    where ${after}
    order by m.sort_value ${dir}, m.id ${dir}
    limit ${opts.limit + 1}`);
  const rows = (res as unknown as { rows: { id: string; sort_value: unknown }[] }).rows;
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return { ids: page.map((r) => r.id), nextCursor: rows.length > opts.limit && last ? encodeCursor(last.sort_value, last.id) : null };
}
