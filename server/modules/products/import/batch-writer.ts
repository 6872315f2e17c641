// Carries out a planned batch inside the caller's transaction: products through the module's own
// insertProduct/updateProduct (same rules, same audit), missing categories and brands created first,
// prices through upsertPriceItems (one call per price list for the batch), one product_import_rows record
// per row with the state before each change (for undo) and the row's opening stock (for the receipts).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ProductCreate, ProductPatch } from '../../../../common/contracts/products.contract.js';
import { qtyToString } from '../../../../common/quantity.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Tx } from '../../../platform/db/types.js';
import { insertJsonRows } from '../../../platform/db/json-insert.js';
import { AppError } from '../../../platform/http/app-error.js';
import { addLookupValue } from '../../settings/index.js';
import { createCategory } from '../categories.service.js';
import { upsertPriceItems } from '../price-lists.service.js';
import { priceListItems } from '../price-lists.table.js';
import { productImportRows } from '../product-imports.table.js';
import { insertProduct, updateProduct } from '../products.service.js';
import type { ProductRow, RowPlan } from './batch-planner.js';
import { nameKey, pathKey, type ImportRefs } from './import-refs.js';
import { importTuning } from './import-tuning.js';

export type Outcome = 'created' | 'overwritten' | 'merged' | 'skipped' | 'rejected';
export type Counters = Record<Outcome, number> & { pricesWritten: number };
export const zeroCounters = (): Counters => ({ created: 0, overwritten: 0, merged: 0, skipped: 0, rejected: 0, pricesWritten: 0 });

/** What undo and the opening-stock step need about a written row. */
export type RowRecord = {
  /** The product before the import changed it (overwrite/merge); basePrice as a digit string. */
  product?: Record<string, unknown>;
  /** The product-wide item of each price list the row touched, before: null = there was none. */
  prices: { listId: string; price: string | null }[];
  /** Opening quantities to receive at the end. */
  stock: { warehouseId: string; quantity: string }[];
};

/** Categories and brands created by this run, so later batches (with the lists read at the start) reuse them. */
export type CreatedRefs = { categories: Map<string, string>; brands: Map<string, string> };
export const newCreatedRefs = (): CreatedRefs => ({ categories: new Map(), brands: new Map() });

type Insert = typeof productImportRows.$inferInsert;
type Writing = Extract<RowPlan, { outcome: 'created' | 'overwritten' | 'merged' }>;
// The products module's use cases open their own transaction: given the batch's transaction as `db`,
// theirs becomes a savepoint inside it, so the batch still commits or rolls back as one.
const inTx = (ctx: Ctx, tx: Tx): Ctx => ({ ...ctx, db: tx as unknown as Db });
const snapshot = (p: ProductRow) => ({ ...p, basePrice: p.basePrice === null ? null : p.basePrice.toString() });

async function ensureCategory(tx: Tx, ctx: Ctx, refs: ImportRefs, made: CreatedRefs, path: string[]) {
  let parentId: string | null = null;
  for (let i = 1; i <= path.length; i++) {
    const key = pathKey(path.slice(0, i));
    const id: string | undefined = made.categories.get(key) ?? refs.category(path.slice(0, i))?.id;
    if (id) {
      parentId = id;
      continue;
    }
    const row: { id: string } = await createCategory(inTx(ctx, tx), { name: path[i - 1]!, parentId });
    made.categories.set(key, row.id);
    parentId = row.id;
  }
  return parentId;
}

async function ensureBrand(tx: Tx, ctx: Ctx, refs: ImportRefs, made: CreatedRefs, name: string) {
  const key = nameKey(name);
  const known = made.brands.get(key) ?? refs.brand(name)?.id;
  if (known) return known;
  const row = await addLookupValue(tx, ctx, 'productBrand', { name });
  made.brands.set(key, row.id);
  return row.id;
}

async function writeRow(tx: Tx, ctx: Ctx, refs: ImportRefs, made: CreatedRefs, p: Writing): Promise<{ productId: string; record: RowRecord }> {
  const refIds: Record<string, string> = {};
  if (p.newCategory) refIds.categoryId = (await ensureCategory(tx, ctx, refs, made, p.newCategory))!;
  if (p.newBrand) refIds.brandId = await ensureBrand(tx, ctx, refs, made, p.newBrand);
  const stock = p.stock.map((s) => ({ warehouseId: s.warehouseId, quantity: qtyToString(s.quantity) }));
  if (p.outcome === 'created') {
    const row = await insertProduct(tx, ctx, { ...p.input, ...refIds } as ProductCreate);
    return { productId: row.id, record: { prices: [], stock } };
  }
  await updateProduct(inTx(ctx, tx), p.existing.id, { ...p.patch, ...refIds } as ProductPatch);
  return { productId: p.existing.id, record: { product: snapshot(p.existing), prices: [], stock } };
}

const reasonsOf = (err: AppError) => err.opts.errors?.map((e) => e.message) ?? [err.message];

export async function writeBatch(tx: Tx, ctx: Ctx, importId: string, batch: number, plans: RowPlan[], refs: ImportRefs, made: CreatedRefs): Promise<Counters> {
  const counters = zeroCounters();
  const records: Insert[] = [];
  const written: { plan: Writing; productId: string; record: RowRecord }[] = [];
  for (const p of plans) {
    importTuning.hooks.beforeRow?.(p.rowNumber);
    const base = { tenantId: ctx.tenantId, importId, rowNumber: p.rowNumber, batch };
    if (p.outcome === 'rejected') records.push({ ...base, outcome: 'rejected', reasons: p.reasons, values: p.values });
    else if (p.outcome === 'skipped') records.push({ ...base, outcome: 'skipped', productId: p.productId });
    else {
      const known = { categories: new Set(made.categories.keys()), brands: new Set(made.brands.keys()) };
      try {
        // A savepoint per row: a rule checked again at write time (a code taken since the batch was
        // planned) rejects the row without leaving half of it (a category made for it, say).
        const done = await tx.transaction((sp) => writeRow(sp, ctx, refs, made, p));
        written.push({ plan: p, ...done });
        records.push({ ...base, outcome: p.outcome, productId: done.productId, before: done.record });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // Categories or brands made inside the rolled-back savepoint are gone again.
        for (const [k] of [...made.categories]) if (!known.categories.has(k)) made.categories.delete(k);
        for (const [k] of [...made.brands]) if (!known.brands.has(k)) made.brands.delete(k);
        records.push({ ...base, outcome: 'rejected', reasons: reasonsOf(err), values: p.values });
      }
    }
    counters[records.at(-1)!.outcome]++;
  }
  counters.pricesWritten = await writePrices(tx, ctx, written);
  await insertJsonRows(tx, productImportRows, records);
  return counters;
}

/** Per price list, one upsert for the batch; the earlier product-wide prices go into each row's record first. */
async function writePrices(tx: Tx, ctx: Ctx, written: { plan: Writing; productId: string; record: RowRecord }[]) {
  const withPrices = written.filter((w) => w.plan.prices.length);
  if (!withPrices.length) return 0;
  const listIds = [...new Set(withPrices.flatMap((w) => w.plan.prices.map((x) => x.listId)))];
  const current = await tx.select().from(priceListItems).where(and(
    eq(priceListItems.tenantId, ctx.tenantId), inArray(priceListItems.priceListId, listIds), isNull(priceListItems.variantId),
    inArray(priceListItems.productId, withPrices.map((w) => w.productId)),
  ));
  const item = new Map(current.map((c) => [`${c.priceListId}:${c.productId}`, c]));
  let count = 0;
  for (const listId of listIds) {
    const items: { productId: string; price: string }[] = [];
    const removeIds: string[] = [];
    for (const w of withPrices) {
      const change = w.plan.prices.find((x) => x.listId === listId);
      if (!change) continue;
      const before = item.get(`${listId}:${w.productId}`);
      if (change.price === null && !before) continue;
      w.record.prices.push({ listId, price: before ? before.price.toString() : null });
      if (change.price === null) removeIds.push(before!.id);
      else items.push({ productId: w.productId, price: change.price });
    }
    if (!items.length && !removeIds.length) continue;
    await upsertPriceItems(inTx(ctx, tx), listId, { items, ...(removeIds.length ? { removeIds } : {}) });
    count += items.length + removeIds.length;
  }
  return count;
}
