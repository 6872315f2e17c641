// The record a note or wall post is on, and whether a user may see it. Notes and the wall follow their
// record: no separate sharing rules, so whoever sees the customer sees its public notes and its wall.
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopeOf, type Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { fieldError, notFound } from '../../platform/http/app-error.js';
import { linkTarget, type LinkedRecord } from '../../platform/links/record-links.js';
import { ownerScopeCondition } from '../access/index.js';
import { customers } from '../customers/index.js';

export type RecordRef = { linkType: string; linkId: string; customerId: string | null; title: string; path: string };
export type RecordInput = { customerId?: string | null | undefined; linkType?: string | null | undefined; linkId?: string | null | undefined };

/**
 * The record named by a request: `customerId` alone, or (linkType, linkId). When it is missing or out
 * of the user's sight: a Persian error on the field when writing, «not found» when reading.
 */
export async function resolveRecord(tx: Tx, ctx: Ctx, input: RecordInput, mode: 'write' | 'read' = 'write'): Promise<RecordRef> {
  let linkType = input.linkType ?? null;
  let linkId = input.linkId ?? null;
  const customerId = input.customerId ?? null;
  if (!linkType && customerId) [linkType, linkId] = ['customer', customerId];
  if (!linkType) throw fieldError(linkId ? 'linkType' : 'customerId', linkId ? 'نوع رکورد پیوندی الزامی است' : 'مشتری یا رکوردی که این مورد درباره آن است را مشخص کنید');
  if (!linkId) throw fieldError('linkId', 'رکورد پیوندی الزامی است');
  if (linkType === 'customer' && customerId && customerId !== linkId) throw fieldError('customerId', 'مشتری با رکورد پیوندی یکی نیست');
  const target = linkTarget(linkType);
  if (!target) throw fieldError('linkType', 'این نوع رکورد پیوندی پشتیبانی نمی‌شود');
  const record = await target.resolve(tx, ctx, linkId);
  if (!record) {
    if (mode === 'read') throw notFound(target.label.fa);
    throw fieldError(linkType === 'customer' ? 'customerId' : 'linkId', `${target.label.fa} انتخاب‌شده پیدا نشد`);
  }
  return { linkType, linkId, customerId: record.customerId, title: `${target.label.fa}: ${record.title}`, path: record.path };
}

/** The record of a stored row as this user sees it, or null (missing, or theirs not to see). */
export async function recordOf(tx: Tx, ctx: Ctx, linkType: string, linkId: string): Promise<LinkedRecord | null> {
  const target = linkTarget(linkType);
  return target ? target.resolve(tx, ctx, linkId) : null;
}

/**
 * As SQL, «the row's record is one the user may see», so a list is one query. Customer links repeat what
 * the registered `customer` resolver checks (customers.view scope on the customer's owner); rows on other
 * record types pass here and `keepVisibleRecords` resolves them one record at a time.
 */
export async function visibleRecordCondition(tx: Tx, ctx: Ctx, cols: { linkType: AnyPgColumn; linkId: AnyPgColumn }): Promise<SQL | undefined> {
  if (!scopeOf(ctx.principal, 'customers.view')) return ne(cols.linkType, 'customer');
  const scope = await ownerScopeCondition(tx, ctx, 'customers.view', customers.ownerId);
  if (!scope) return undefined;
  const visibleCustomers = tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, ctx.tenantId), scope));
  return or(ne(cols.linkType, 'customer'), inArray(cols.linkId, visibleCustomers));
}

/** Drops rows on non-customer records the user may not see (each record resolved once), keeping their title and path. */
export async function keepVisibleRecords<T extends { linkType: string; linkId: string }>(tx: Tx, ctx: Ctx, rows: T[]) {
  const seen = new Map<string, LinkedRecord | null>();
  const out: (T & { record: LinkedRecord | null })[] = [];
  for (const row of rows) {
    if (row.linkType === 'customer') {
      out.push({ ...row, record: null });
      continue;
    }
    const key = `${row.linkType}:${row.linkId}`;
    if (!seen.has(key)) seen.set(key, await recordOf(tx, ctx, row.linkType, row.linkId));
    const record = seen.get(key)!;
    if (record) out.push({ ...row, record });
  }
  return out;
}

/** Title and path of a row's record for lists: customers from the joined name, others from their resolver. */
export function recordLabel(row: { linkType: string; linkId: string; customerName: string | null; record: LinkedRecord | null }) {
  if (row.record) return { title: `${linkTarget(row.linkType)?.label.fa ?? ''}: ${row.record.title}`, path: row.record.path };
  if (row.linkType === 'customer') return { title: `مشتری: ${row.customerName ?? '—'}`, path: `/customers/${row.linkId}` };
  return { title: null, path: null };
}
