// Decides what happens to each row of a batch: rejected, created, skipped, overwritten or merged.
// Duplicates inside the file are caught while screening (no database); existing products are found
// with ONE query for the whole batch (codes and barcodes of products and variants), never per row.
import { and, eq, getTableColumns, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { productCreate } from '../../../../common/contracts/products.contract.js';
import { decimalsMessage, fitsDecimals } from '../../../../common/quantity.js';
import { toPersianDigits } from '../../../../common/text.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { productVariants, products } from '../products.table.js';
import { stockFieldLabel, type MatchField } from './import-fields.js';
import { prepareRow, type PreparedRow, type ProductValues, type RowSettings } from './row-mapper.js';

export type ProductRow = typeof products.$inferSelect;
export type ImportPolicy = 'skip' | 'overwrite' | 'merge';
export type PassSettings = { policy: ImportPolicy; matchFields: MatchField[]; row: RowSettings };

type Base = { rowNumber: number; values: string[] };
export type Screened = Base & { prepared: PreparedRow };
type Ok = Extract<PreparedRow, { ok: true }>;
type Writes = Pick<Ok, 'newCategory' | 'newBrand' | 'prices' | 'stock'>;
export type RowPlan = Base &
  (
    | { outcome: 'rejected'; reasons: string[] }
    | ({ outcome: 'created'; input: ProductValues } & Writes)
    | { outcome: 'skipped'; productId: string }
    | ({ outcome: 'overwritten' | 'merged'; existing: ProductRow; patch: Record<string, unknown> } & Writes)
  );

const fa = (n: number | string) => toPersianDigits(n);
const LABEL = { code: 'کد کالا', barcode: 'بارکد' } as const;
const KEYS = ['code', 'barcode'] as const;

/**
 * Maps and validates one row and catches a repeat of an earlier row's code or barcode (`seen`: field+value
 * → row number). Run for EVERY row in file order, also the rows a resumed job skips, so `seen` is the same.
 */
export function screenRow(row: Base, s: PassSettings, seen: Map<string, number>): Screened {
  const prepared = prepareRow(row.values, s.row);
  if (!prepared.ok) return { ...row, prepared };
  const repeats: string[] = [];
  const keys: string[] = [];
  for (const f of KEYS) {
    const v = prepared.values[f];
    if (!v) continue;
    const key = `${f}\u0000${v}`;
    const first = seen.get(key);
    if (first !== undefined) repeats.push(`تکراری با ردیف ${fa(first)} همین فایل: ${LABEL[f]} «${v}» یکسان است`);
    keys.push(key);
  }
  if (repeats.length) return { ...row, prepared: { ok: false, reasons: repeats } };
  for (const k of keys) seen.set(k, row.rowNumber);
  return { ...row, prepared };
}

type Holder = { productId: string; label: string };

/** Products and variants holding any code or barcode of the batch: one query each. */
async function lookup(tx: Tx, ctx: Ctx, batch: Screened[]) {
  const wanted = { code: new Set<string>(), barcode: new Set<string>() };
  for (const r of batch) if (r.prepared.ok) for (const f of KEYS) if (r.prepared.values[f]) wanted[f].add(r.prepared.values[f]!);
  const byId = new Map<string, ProductRow>();
  const holders = new Map<string, Holder[]>(); // field+value → who holds it
  const add = (f: string, v: string | null, h: Holder) => v && holders.set(`${f}\u0000${v}`, [...(holders.get(`${f}\u0000${v}`) ?? []), h]);
  const codes = [...wanted.code];
  const barcodes = [...wanted.barcode];
  if (!codes.length && !barcodes.length) return { byId, holders };
  const anyOf = (col: AnyPgColumn, values: string[]) => (values.length ? sql`${col} = any(${sql.param(values)}::text[])` : undefined);
  const found = await tx.select(getTableColumns(products)).from(products)
    .where(and(eq(products.tenantId, ctx.tenantId), or(anyOf(products.code, codes), anyOf(products.barcode, barcodes))));
  const who = (p: Pick<ProductRow, 'name' | 'code' | 'deletedAt'>) => `کالای «${p.name}» (کد ${p.code})${p.deletedAt ? ' که حذف شده است' : ''}`;
  for (const p of found) {
    byId.set(p.id, p);
    add('code', p.code, { productId: p.id, label: who(p) });
    add('barcode', p.barcode, { productId: p.id, label: who(p) });
  }
  const variants = await tx
    .select({ productId: productVariants.productId, code: productVariants.code, barcode: productVariants.barcode, name: products.name, productCode: products.code, deletedAt: products.deletedAt })
    .from(productVariants).innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(productVariants.tenantId, ctx.tenantId), eq(productVariants.isDefault, false), or(anyOf(productVariants.code, codes), anyOf(productVariants.barcode, barcodes))));
  for (const v of variants) {
    const label = `تنوع «${v.code}» از ${who({ name: v.name, code: v.productCode, deletedAt: v.deletedAt })}`;
    add('code', v.code, { productId: '', label });
    add('barcode', v.barcode, { productId: '', label });
  }
  return { byId, holders };
}

/** Opening stock needs a goods product that is active, in quantities its unit allows. */
function stockProblems(s: PassSettings, p: Ok, target: { name: string; kind: string; active: boolean; unitId: string | undefined }): string[] {
  if (!p.stock.length) return [];
  if (target.kind === 'service') return [`«${target.name}» خدمت است و موجودی اول دوره نمی‌گیرد`];
  if (!target.active) return [`کالای «${target.name}» غیرفعال است و موجودی اول دوره نمی‌گیرد`];
  const unit = target.unitId ? s.row.refs.unitById(target.unitId) : undefined;
  if (!unit) return [];
  return p.stock
    .filter((q) => !fitsDecimals(q.quantity, unit.decimals))
    .map((q) => decimalsMessage(stockFieldLabel(s.row.refs.warehouses.get(q.warehouseId) ?? '؟'), unit.name, unit.decimals));
}

export async function planBatch(tx: Tx, ctx: Ctx, s: PassSettings, batch: Screened[]): Promise<RowPlan[]> {
  const { byId, holders } = await lookup(tx, ctx, batch);
  return batch.map((r): RowPlan => {
    const base = { rowNumber: r.rowNumber, values: r.values };
    const reject = (...reasons: string[]): RowPlan => ({ ...base, outcome: 'rejected', reasons });
    const p = r.prepared;
    if (!p.ok) return reject(...p.reasons);
    const held = (f: MatchField) => (p.values[f] ? (holders.get(`${f}\u0000${p.values[f]}`) ?? []) : []);
    const matchIds = [...new Set(s.matchFields.flatMap((f) => held(f).map((h) => h.productId).filter(Boolean)))];
    if (matchIds.length > 1) return reject(`این ردیف با بیش از یک کالای موجود مطابقت دارد: ${matchIds.map((id) => `«${byId.get(id)!.name}» (کد ${byId.get(id)!.code})`).join(' و ')}`);
    const existing = matchIds[0] ? byId.get(matchIds[0]) : undefined;
    if (existing?.deletedAt) return reject(`کالای «${existing.name}» (کد ${existing.code}) که با این ردیف مطابقت دارد حذف شده است`);
    if (existing && s.policy === 'skip') return { ...base, outcome: 'skipped', productId: existing.id };
    for (const f of KEYS) {
      const other = held(f).find((h) => h.productId !== existing?.id);
      if (other) return reject(`${f === 'code' ? 'کد' : 'بارکد'} «${p.values[f]}» برای ${other.label} ثبت شده است`);
    }
    const writes: Writes = { newCategory: p.newCategory, newBrand: p.newBrand, stock: p.stock, prices: p.prices };
    if (!existing) {
      const c = productCreate.safeParse(p.values);
      if (!c.success) return reject(...c.error.issues.map((i) => i.message));
      const problems = stockProblems(s, p, { name: c.data.name, kind: c.data.kind ?? 'goods', active: c.data.active ?? true, unitId: c.data.unitId });
      if (problems.length) return reject(...problems);
      return { ...base, outcome: 'created', input: p.values, ...writes, prices: p.prices.filter((x) => x.price !== null) };
    }
    const patch: Record<string, unknown> = { ...p.values };
    if (s.policy === 'overwrite') for (const c of p.cleared) if (!p.newCategory || c !== 'categoryId') if (!p.newBrand || c !== 'brandId') patch[c] = null;
    const after = { ...existing, ...patch } as ProductRow;
    const problems = stockProblems(s, p, { name: after.name, kind: after.kind, active: after.active, unitId: after.unitId });
    if (problems.length) return reject(...problems);
    const prices = s.policy === 'overwrite' ? p.prices : p.prices.filter((x) => x.price !== null);
    return { ...base, outcome: s.policy === 'overwrite' ? 'overwritten' : 'merged', existing, patch, ...writes, prices };
  });
}
