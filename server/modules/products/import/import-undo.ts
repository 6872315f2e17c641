// Undo of a finished import, in ONE transaction: the opening-stock receipts are reversed first (refused,
// with nothing changed, when the stock was issued meanwhile), then the price-list items get back their
// earlier prices (or are removed), products the import created are soft-deleted and products it
// overwrote or merged get back the state recorded just before. Rows are undone newest first.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ProductPatch } from '../../../../common/contracts/products.contract.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Tx } from '../../../platform/db/types.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { AppError } from '../../../platform/http/app-error.js';
import { recordAudit } from '../../../platform/audit/audit.service.js';
import { reverseDocument, stockDocuments } from '../../inventory/index.js';
import { upsertPriceItems } from '../price-lists.service.js';
import { priceListItems } from '../price-lists.table.js';
import { productImportRows, productImports } from '../product-imports.table.js';
import { deleteProduct, updateProduct } from '../products.service.js';
import type { RowRecord } from './batch-writer.js';
import { importInScope, toImportOut } from './import.service.js';

const inTx = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx as unknown as Db });
const RESTORED = ['code', 'name', 'description', 'kind', 'categoryId', 'brandId', 'color', 'unitId', 'secondUnitId', 'barcode', 'taxClassId', 'basePrice', 'active', 'showStockToSales', 'allowNegativeStock'] as const;

async function reverseReceipts(tx: Tx, ctx: Ctx, ids: string[]) {
  if (!ids.length) return 0;
  const docs = await tx.select({ id: stockDocuments.id, reversedById: stockDocuments.reversedById }).from(stockDocuments)
    .where(and(eq(stockDocuments.tenantId, ctx.tenantId), inArray(stockDocuments.id, ids)));
  let reversed = 0;
  for (const d of docs) {
    if (d.reversedById) continue; // reversed by hand already: its stock is out
    try {
      await reverseDocument(inTx(ctx, tx), d.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError('conflict', {
        detail: `موجودی اول دوره‌ای که این ورود ثبت کرده برگشت‌پذیر نیست، چون بخشی از آن از انبار خارج شده است: ${err.message}. برگرداندن انجام نشد و چیزی تغییر نکرد.`,
      });
    }
    reversed++;
  }
  return reversed;
}

async function restorePrices(tx: Tx, ctx: Ctx, rows: { productId: string | null; before: unknown }[]) {
  const perList = new Map<string, { restore: Map<string, string>; remove: Set<string> }>();
  for (const r of rows) {
    for (const p of (r.before as RowRecord | null)?.prices ?? []) {
      const l = perList.get(p.listId) ?? { restore: new Map(), remove: new Set() };
      perList.set(p.listId, l);
      if (p.price === null) l.remove.add(r.productId!);
      else l.restore.set(r.productId!, p.price);
    }
  }
  let count = 0;
  for (const [listId, l] of perList) {
    const removeIds = l.remove.size
      ? (await tx.select({ id: priceListItems.id }).from(priceListItems).where(and(
        eq(priceListItems.tenantId, ctx.tenantId), eq(priceListItems.priceListId, listId), isNull(priceListItems.variantId), inArray(priceListItems.productId, [...l.remove]),
      ))).map((x) => x.id)
      : [];
    const items = [...l.restore].map(([productId, price]) => ({ productId, price }));
    if (!items.length && !removeIds.length) continue;
    await upsertPriceItems(inTx(ctx, tx), listId, { items, ...(removeIds.length ? { removeIds } : {}) });
    count += items.length + removeIds.length;
  }
  return count;
}

async function undoRows(tx: Tx, ctx: Ctx, importId: string) {
  const totals = { removed: 0, restored: 0, missing: 0, pricesRestored: 0 };
  const rows = await tx.select().from(productImportRows)
    .where(and(eq(productImportRows.tenantId, ctx.tenantId), eq(productImportRows.importId, importId), inArray(productImportRows.outcome, ['created', 'overwritten', 'merged'])))
    .orderBy(desc(productImportRows.rowNumber));
  totals.pricesRestored = await restorePrices(tx, ctx, rows);
  for (const r of rows) {
    try {
      if (r.outcome === 'created') {
        await deleteProduct(inTx(ctx, tx), r.productId!);
        totals.removed++;
      } else {
        const snap = (r.before as RowRecord).product ?? {};
        const patch = Object.fromEntries(RESTORED.map((k) => [k, snap[k] ?? null]).filter(([k, v]) => v !== null || !['code', 'name', 'kind', 'unitId', 'active'].includes(k as string)));
        await updateProduct(inTx(ctx, tx), r.productId!, patch as ProductPatch);
        totals.restored++;
      }
    } catch (err) {
      // Deleted by someone since: nothing left to undo for it.
      if (err instanceof AppError && err.code === 'not_found') totals.missing++;
      else throw err;
    }
  }
  return totals;
}

export async function undoImport(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const imp = await importInScope(tx, ctx, id, true);
    if (imp.status === 'undone') throw new AppError('conflict', { detail: 'این ورود قبلاً برگردانده شده است.' });
    if (imp.status !== 'done' && imp.status !== 'failed') {
      throw new AppError('conflict', { detail: 'این ورود هنوز تمام نشده است؛ پس از پایان آن می‌توانید برش گردانید.' });
    }
    const receiptsReversed = await reverseReceipts(tx, ctx, imp.stockDocumentIds);
    const totals = await undoRows(tx, ctx, id);
    const [row] = await tx.update(productImports).set({ status: 'undone' }).where(eq(productImports.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'productImport', entityId: id, action: 'update', before: { status: imp.status }, after: { status: 'undone', receiptsReversed, ...totals } });
    return { ...toImportOut(row!), ...totals, receiptsReversed };
  });
}
