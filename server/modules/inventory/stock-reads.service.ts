// Reading stock: balances per variant and warehouse, and the stock card (کاردکس) straight from the ledger.
import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { StockCardFilters, StockCardOut, StockCardQuery, StockCardRow, StockFilters, StockOut, StockQuery, StockRow } from '../../../common/contracts/inventory.contract.js';
import { isoDateInTehran } from '../../../common/jalali.js';
import { qtyFromDb, qtyToString, type Qty } from '../../../common/quantity.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/http/keyset.js';
import { loadStockItems } from '../products/index.js';
import { stockBalances, stockDocuments, stockMovements, warehouses } from './inventory.table.js';

const needOne = (q: { productId?: string | undefined; variantId?: string | undefined; warehouseId?: string | undefined }, fields: ('productId' | 'variantId' | 'warehouseId')[]) => {
  if (!fields.some((f) => q[f])) {
    throw new AppError('validation', { detail: 'کالا یا انبار را انتخاب کنید.', errors: [{ path: 'productId', message: 'کالا یا انبار را انتخاب کنید' }] });
  }
};

/** Where a page of the stock table ends: the next page starts after this (warehouse code, variant). */
export type BalanceKey = { warehouseCode: string; variantId: string };

/** Balance rows by warehouse code and variant, with the product facts; keyset after `page.after`. */
const balancesWhere = (tenantId: string, q: StockFilters) => and(
  eq(stockBalances.tenantId, tenantId),
  q.productId ? eq(stockBalances.productId, q.productId) : undefined,
  q.variantId ? eq(stockBalances.variantId, q.variantId) : undefined,
  q.warehouseId ? eq(stockBalances.warehouseId, q.warehouseId) : undefined,
);

async function selectBalances(tx: Tx, tenantId: string, q: StockFilters, page: { after?: BalanceKey | undefined; limit: number }) {
  const rows = await tx
    .select({ b: stockBalances, warehouseName: warehouses.name, warehouseCode: warehouses.code })
    .from(stockBalances)
    .innerJoin(warehouses, eq(warehouses.id, stockBalances.warehouseId))
    .where(and(
      balancesWhere(tenantId, q),
      page.after ? sql`(${warehouses.code}, ${stockBalances.variantId}) > (${page.after.warehouseCode}, ${page.after.variantId})` : undefined,
    ))
    .orderBy(asc(warehouses.code), asc(stockBalances.variantId))
    .limit(page.limit);
  const items = await loadStockItems(tx, tenantId, rows.map((r) => r.b.variantId));
  return rows.map(({ b, warehouseName, warehouseCode }) => {
    const onHand = qtyFromDb(b.onHand);
    const reserved = qtyFromDb(b.reserved);
    const onHand2 = qtyFromDb(b.onHand2);
    const it = items.get(b.variantId);
    return {
      warehouseCode, onHand, reserved, onHand2,
      row: {
        warehouseId: b.warehouseId, warehouseName, productId: b.productId, variantId: b.variantId, productCode: it?.productCode ?? '',
        productName: it?.name ?? '', variantCode: it?.variantCode ?? '', attributes: it?.attributes ?? {}, unitName: it?.unitName ?? '',
        secondUnitName: it?.secondUnitName ?? null, onHand: qtyToString(onHand), reserved: qtyToString(reserved),
        sellable: qtyToString(onHand - reserved), onHand2: qtyToString(onHand2),
      } satisfies StockRow,
    };
  });
}

export async function stockOf(ctx: Ctx, q: StockQuery): Promise<StockOut> {
  needOne(q, ['productId', 'variantId', 'warehouseId']);
  const after = q.cursor ? balanceKeyOf(q.cursor) : undefined;
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await selectBalances(tx, ctx.tenantId, q, { after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    // The totals are summed by the database over every matching row, whatever page this is.
    const [sum] = await tx
      .select({ onHand: sql<string>`coalesce(sum(${stockBalances.onHand}), 0)::text`, reserved: sql<string>`coalesce(sum(${stockBalances.reserved}), 0)::text`, onHand2: sql<string>`coalesce(sum(${stockBalances.onHand2}), 0)::text` })
      .from(stockBalances)
      .where(balancesWhere(ctx.tenantId, q));
    const totals = { onHand: qtyFromDb(sum!.onHand), reserved: qtyFromDb(sum!.reserved), onHand2: qtyFromDb(sum!.onHand2) };
    return {
      items: page.map((r) => r.row),
      totals: { onHand: qtyToString(totals.onHand), reserved: qtyToString(totals.reserved), sellable: qtyToString(totals.onHand - totals.reserved), onHand2: qtyToString(totals.onHand2) },
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.warehouseCode, last.row.variantId) : null,
    };
  });
}

function balanceKeyOf(cursor: string): BalanceKey {
  const [warehouseCode, variantId] = decodeCursor(cursor);
  if (typeof warehouseCode !== 'string' || !z.uuid().safeParse(variantId).success) {
    throw new AppError('validation', { errors: [{ path: 'cursor', message: 'نشانگر صفحه معتبر نیست' }] });
  }
  return { warehouseCode, variantId };
}

/** The stock table for an export: the same filters (checked now, before anything is sent), 1,000 rows a page. */
export function stockExportPages(ctx: Ctx, q: StockFilters, pageSize = 1000): AsyncIterable<StockRow[]> {
  needOne(q, ['productId', 'variantId', 'warehouseId']);
  return (async function* pages() {
    let after: BalanceKey | undefined;
    for (;;) {
      const page = await inTenant(ctx.db, ctx, (tx) => selectBalances(tx, ctx.tenantId, q, { after, limit: pageSize }));
      if (page.length) yield page.map((r) => r.row);
      if (page.length < pageSize) return;
      const last = page.at(-1)!;
      after = { warehouseCode: last.warehouseCode, variantId: last.row.variantId };
    }
  })();
}

function cardWhere(tenantId: string, f: StockCardFilters): SQL | undefined {
  return and(
    eq(stockMovements.tenantId, tenantId),
    f.variantId ? eq(stockMovements.variantId, f.variantId) : undefined,
    f.productId ? eq(stockMovements.productId, f.productId) : undefined,
    f.warehouseId ? eq(stockMovements.warehouseId, f.warehouseId) : undefined,
    f.from ? gte(stockMovements.docDate, isoDateInTehran(f.from)) : undefined,
    f.to ? lte(stockMovements.docDate, isoDateInTehran(f.to)) : undefined,
  );
}

const decodeSeq = (cursor: string | undefined) => {
  if (!cursor) return undefined;
  const n = Number(cursor);
  if (!Number.isSafeInteger(n) || n < 0) throw new AppError('validation', { errors: [{ path: 'cursor', message: 'نشانگر صفحه معتبر نیست' }] });
  return n;
};

/** One page of the card in posting order (seq); balance_after is the running on-hand of that warehouse. */
export async function cardPage(tx: Tx, tenantId: string, f: StockCardFilters, opts: { cursor?: string | undefined; limit: number }) {
  const after = decodeSeq(opts.cursor);
  const rows = await tx
    .select({ m: stockMovements, number: stockDocuments.number, fiscalYear: stockDocuments.fiscalYear, reference: stockDocuments.reference, description: stockDocuments.description, warehouseName: warehouses.name })
    .from(stockMovements)
    .innerJoin(stockDocuments, eq(stockDocuments.id, stockMovements.documentId))
    .innerJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(and(cardWhere(tenantId, f), after !== undefined ? gte(stockMovements.seq, after + 1) : undefined))
    .orderBy(asc(stockMovements.seq))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const items: StockCardRow[] = page.map((r) => ({
    seq: Number(r.m.seq), at: r.m.createdAt.toISOString(), docDate: r.m.docDate, documentId: r.m.documentId, documentKind: r.m.kind,
    documentNumber: r.number, fiscalYear: r.fiscalYear, warehouseId: r.m.warehouseId, warehouseName: r.warehouseName, productId: r.m.productId,
    variantId: r.m.variantId, quantity: qtyToString(qtyFromDb(r.m.quantity)), quantity2: r.m.quantity2 === null ? null : qtyToString(qtyFromDb(r.m.quantity2)),
    balanceAfter: qtyToString(qtyFromDb(r.m.balanceAfter)), reference: r.reference?.startsWith('stock-document:') ? null : r.reference, description: r.description,
  }));
  return { items, nextCursor: rows.length > opts.limit && page.length ? String(page.at(-1)!.m.seq) : null };
}

/** On hand just before the first movement of the card (same warehouse and variant, before it in seq). */
async function openingBalance(tx: Tx, tenantId: string, f: StockCardFilters, firstSeq: number | undefined): Promise<Qty | null> {
  if (!f.warehouseId || !f.variantId) return null;
  const [prev] = await tx.select({ b: stockMovements.balanceAfter }).from(stockMovements)
    .where(and(eq(stockMovements.tenantId, tenantId), eq(stockMovements.variantId, f.variantId), eq(stockMovements.warehouseId, f.warehouseId),
      firstSeq !== undefined ? lt(stockMovements.seq, firstSeq) : f.from ? lt(stockMovements.docDate, isoDateInTehran(f.from)) : undefined))
    .orderBy(desc(stockMovements.seq)).limit(1);
  return prev ? qtyFromDb(prev.b) : 0n;
}

export async function stockCard(ctx: Ctx, q: StockCardQuery): Promise<StockCardOut> {
  needOne(q, ['productId', 'variantId']);
  return inTenant(ctx.db, ctx, async (tx) => {
    const page = await cardPage(tx, ctx.tenantId, q, q);
    const opening = await openingBalance(tx, ctx.tenantId, q, page.items[0]?.seq);
    return { ...page, openingBalance: opening === null ? null : qtyToString(opening) };
  });
}

/** Pages of the card for an export, each in its own short transaction; the filters are checked before anything is sent. */
export function stockCardExportPages(ctx: Ctx, f: StockCardFilters): AsyncIterable<StockCardRow[]> {
  needOne(f, ['productId', 'variantId']);
  return (async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await inTenant(ctx.db, ctx, (tx) => cardPage(tx, ctx.tenantId, f, { cursor, limit: 1000 }));
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  })();
}
