import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StockDocumentDetail, StockDocumentListQuery, StockDocumentOut } from '../../../common/contracts/inventory.contract.js';
import { isoDateInTehran } from '../../../common/jalali.js';
import { qtyFromDb, qtyToString } from '../../../common/quantity.js';
import type { Tx } from '../../platform/db/types.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { notFound } from '../../platform/http/app-error.js';
import { loadStockItems } from '../products/index.js';
import { stockDocumentLines, stockDocuments, warehouses } from './inventory.table.js';

type DocRow = typeof stockDocuments.$inferSelect;
const toWarehouse = alias(warehouses, 'to_warehouse');
const SOURCE_PREFIX = 'stock-document:';

/** An exit permit keeps the issue it was written against in `reference` as `stock-document:<id>`. */
export const sourceReference = (id: string) => `${SOURCE_PREFIX}${id}`;
export const sourceIdOf = (doc: Pick<DocRow, 'kind' | 'reference'>) =>
  doc.kind === 'exit_permit' && doc.reference?.startsWith(SOURCE_PREFIX) ? doc.reference.slice(SOURCE_PREFIX.length) : null;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function filterConditions(tenantId: string, q: Partial<StockDocumentListQuery>): SQL | undefined {
  return and(
    eq(stockDocuments.tenantId, tenantId),
    q.kind ? eq(stockDocuments.kind, q.kind) : undefined,
    q.status ? eq(stockDocuments.status, q.status) : undefined,
    q.warehouseId ? or(eq(stockDocuments.warehouseId, q.warehouseId), eq(stockDocuments.toWarehouseId, q.warehouseId)) : undefined,
    q.from ? gte(stockDocuments.docDate, isoDateInTehran(q.from)) : undefined,
    q.to ? lte(stockDocuments.docDate, isoDateInTehran(q.to)) : undefined,
    q.reference ? eq(stockDocuments.reference, q.reference) : undefined,
  );
}

/** Newest document date first; keyset on (doc_date, id). */
export async function selectDocuments(tx: Tx, where: SQL | undefined, opts: { limit: number; cursor?: string | undefined }) {
  const rows = await tx
    .select({
      d: stockDocuments, warehouseName: warehouses.name, toWarehouseName: toWarehouse.name,
      lineCount: sql<number>`(select count(*)::int from ${stockDocumentLines} l where l.document_id = ${stockDocuments.id})`,
    })
    .from(stockDocuments)
    .innerJoin(warehouses, eq(warehouses.id, stockDocuments.warehouseId))
    .leftJoin(toWarehouse, eq(toWarehouse.id, stockDocuments.toWarehouseId))
    .where(and(where, afterCursor(stockDocuments.docDate, stockDocuments.id, true, opts.cursor)))
    .orderBy(desc(stockDocuments.docDate), desc(stockDocuments.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toDocumentOut(r.d, r)),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.d.docDate, last.d.id) : null,
  };
}

export function toDocumentOut(d: DocRow, n: { warehouseName: string; toWarehouseName: string | null; lineCount: number }): StockDocumentOut {
  return {
    id: d.id, kind: d.kind, fiscalYear: d.fiscalYear, number: d.number, docDate: d.docDate, status: d.status,
    warehouseId: d.warehouseId, warehouseName: n.warehouseName, toWarehouseId: d.toWarehouseId, toWarehouseName: n.toWarehouseName,
    reversesId: d.reversesId, reversedById: d.reversedById, sourceDocumentId: sourceIdOf(d),
    reference: d.kind === 'exit_permit' ? null : d.reference, description: d.description, createdBy: d.createdBy,
    confirmedBy: d.confirmedBy, confirmedAt: iso(d.confirmedAt), version: d.version, createdAt: d.createdAt.toISOString(),
    lineCount: Number(n.lineCount),
  };
}

/** The document row, locked for the rest of the transaction (confirm, edit and reverse queue on it). */
export async function lockDocument(tx: Tx, tenantId: string, id: string): Promise<DocRow> {
  const [row] = await tx.select().from(stockDocuments).where(and(eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.id, id))).for('update');
  if (!row) throw notFound('سند انبار');
  return row;
}

export async function linesOf(tx: Tx, tenantId: string, documentId: string) {
  return tx.select().from(stockDocumentLines)
    .where(and(eq(stockDocumentLines.tenantId, tenantId), eq(stockDocumentLines.documentId, documentId)))
    .orderBy(stockDocumentLines.lineNo);
}

export async function documentDetail(tx: Tx, tenantId: string, id: string): Promise<StockDocumentDetail> {
  const page = await selectDocuments(tx, and(eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.id, id)), { limit: 1 });
  const doc = page.items[0];
  if (!doc) throw notFound('سند انبار');
  const lines = await linesOf(tx, tenantId, id);
  const items = await loadStockItems(tx, tenantId, lines.map((l) => l.variantId));
  return {
    ...doc,
    lines: lines.map((l) => {
      const it = items.get(l.variantId);
      return {
        id: l.id, lineNo: l.lineNo, productId: l.productId, variantId: l.variantId, productCode: it?.productCode ?? '',
        productName: it?.name ?? '', variantCode: it?.variantCode ?? '', attributes: it?.attributes ?? {}, unitName: it?.unitName ?? '',
        secondUnitName: it?.secondUnitName ?? null, quantity: qtyToString(qtyFromDb(l.quantity)),
        quantity2: l.quantity2 === null ? null : qtyToString(qtyFromDb(l.quantity2)), description: l.description,
      };
    }),
  };
}

/** Confirmed, unreversed exit permits written against these issue slips. */
export async function exitPermitsOf(tx: Tx, tenantId: string, issueId: string) {
  return tx.select({ id: stockDocuments.id }).from(stockDocuments).where(and(
    eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.kind, 'exit_permit'), eq(stockDocuments.status, 'confirmed'),
    eq(stockDocuments.reference, sourceReference(issueId)), sql`${stockDocuments.reversedById} is null`, sql`${stockDocuments.reversesId} is null`,
  ));
}

export const documentsByIds = (ids: string[]) => inArray(stockDocuments.id, ids);
