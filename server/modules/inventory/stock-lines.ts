// Product facts of document lines (through the products module's index only) and the rules that need them.
import { and, eq, inArray } from 'drizzle-orm';
import { lineLabel } from '../../../common/contracts/inventory.contract.js';
import type { FieldError } from '../../../common/errors.js';
import { decimalsMessage, fitsDecimals, formatQuantity, parseQuantity, type Qty } from '../../../common/quantity.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError } from '../../platform/http/app-error.js';
import { defaultVariantIds, loadStockItems, type StockItem } from '../products/index.js';
import { warehouses } from './inventory.table.js';

export type LineInput = { productId?: string | null | undefined; variantId?: string | null | undefined; quantity: string | number; quantity2?: string | number | null | undefined; description?: string | null | undefined };
export type ResolvedLine = { index: number; productId: string; variantId: string; quantity: Qty; quantity2: Qty | null; description: string | null; item: StockItem };

/** Throws one validation error carrying every field error, with the first message as the detail. */
export function throwFieldErrors(errors: FieldError[], code: 'validation' | 'insufficient_stock' = 'validation'): never {
  throw new AppError(code, { detail: errors.map((e) => e.message).join('؛ '), errors });
}

const parsed = (v: string | number | null | undefined): Qty | null => {
  if (v === null || v === undefined || v === '') return null;
  const r = parseQuantity(v);
  return r.ok ? r.value : null;
};

/**
 * Resolves each line's variant (a product alone means its default variant), loads its stock facts and
 * refuses services, deleted or inactive products and quantities with more decimals than the unit allows.
 * `pathPrefix` '' gives top-level paths (reservations), 'lines' gives `lines.2.quantity`.
 */
export async function resolveLines(tx: Tx, tenantId: string, lines: LineInput[], pathPrefix = 'lines'): Promise<ResolvedLine[]> {
  const defaults = await defaultVariantIds(tx, tenantId, lines.filter((l) => !l.variantId && l.productId).map((l) => l.productId!));
  const variantOf = (l: LineInput) => l.variantId ?? (l.productId ? defaults.get(l.productId) : undefined);
  const items = await loadStockItems(tx, tenantId, lines.map(variantOf).filter((v): v is string => !!v));
  const errors: FieldError[] = [];
  const out: ResolvedLine[] = [];
  const path = (i: number, f: string) => (pathPrefix ? `${pathPrefix}.${i}.${f}` : f);
  lines.forEach((l, i) => {
    const label = pathPrefix ? lineLabel(i) : '';
    const on = (what: string) => (label ? `${what} ${label}` : what);
    const vid = variantOf(l);
    const item = vid ? items.get(vid) : undefined;
    if (!item || (l.productId && item.productId !== l.productId)) return errors.push({ path: path(i, 'productId'), message: `${on('کالای')} پیدا نشد` });
    const name = `«${item.name}»`;
    if (item.deleted) return errors.push({ path: path(i, 'productId'), message: `کالای ${name}${label ? ` در ${label}` : ''} حذف شده است و در سند تازه پذیرفته نمی‌شود` });
    if (!item.active) return errors.push({ path: path(i, 'productId'), message: `کالای ${name}${label ? ` در ${label}` : ''} غیرفعال است` });
    if (item.kind === 'service') return errors.push({ path: path(i, 'productId'), message: `${name}${label ? ` در ${label}` : ''} خدمت است و موجودی انبار ندارد` });
    const q = parsed(l.quantity);
    const q2 = parsed(l.quantity2);
    if (q === null) return errors.push({ path: path(i, 'quantity'), message: `${on('مقدار')} عدد معتبری نیست` });
    if (!fitsDecimals(q, item.unitDecimals)) errors.push({ path: path(i, 'quantity'), message: decimalsMessage(on('مقدار'), item.unitName, item.unitDecimals) });
    if (q2 !== null) {
      if (!item.secondUnitName) errors.push({ path: path(i, 'quantity2'), message: `کالای ${name} واحد دوم ندارد؛ ${on('مقدار واحد دوم')} را خالی بگذارید` });
      else if (!fitsDecimals(q2, item.secondUnitDecimals ?? 0)) errors.push({ path: path(i, 'quantity2'), message: decimalsMessage(on('مقدار واحد دوم'), item.secondUnitName, item.secondUnitDecimals ?? 0) });
    }
    out.push({ index: i, productId: item.productId, variantId: item.variantId, quantity: q, quantity2: q2, description: l.description ?? null, item });
    return undefined;
  });
  if (errors.length) throwFieldErrors(errors);
  return out;
}

export type WarehouseFacts = { id: string; name: string; allowNegativeStock: boolean; active: boolean };

/** The named warehouses of this company; a missing or inactive one is a field error. */
export async function loadWarehouses(tx: Tx, tenantId: string, wanted: { id: string | null | undefined; path: string; label: string }[]) {
  const ids = [...new Set(wanted.map((w) => w.id).filter((v): v is string => !!v))];
  const rows = ids.length
    ? await tx.select({ id: warehouses.id, name: warehouses.name, allowNegativeStock: warehouses.allowNegativeStock, active: warehouses.active })
      .from(warehouses).where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, ids)))
    : [];
  const map = new Map<string, WarehouseFacts>(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  for (const w of wanted) {
    if (!w.id) continue;
    const row = map.get(w.id);
    if (!row) errors.push({ path: w.path, message: `${w.label} پیدا نشد` });
    else if (!row.active) errors.push({ path: w.path, message: `${w.label} «${row.name}» غیرفعال است` });
  }
  if (errors.length) throwFieldErrors(errors);
  return map;
}

/** The refusal when sellable stock would go below zero, naming the product and what can still be sold. */
export function shortageMessage(item: Pick<StockItem, 'name' | 'unitName'>, warehouseName: string, sellable: Qty, requested: Qty) {
  const s = formatQuantity(sellable);
  return `موجودی قابل فروش «${item.name}» در انبار «${warehouseName}» ${s} ${item.unitName} است و ${formatQuantity(requested)} ${item.unitName} درخواست شده است`;
}
