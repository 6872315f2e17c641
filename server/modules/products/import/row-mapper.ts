// One file row → the product payload the form would send, checked with the SAME contract schema
// (productPatch for the product's own fields), names resolved to ids through the loaded lists. Pure:
// no database, so the validation pass and the job decide every row the same way.
import { productPatch } from '../../../../common/contracts/products.contract.js';
import { zOptRial } from '../../../../common/contracts/catalog-fields.js';
import { parseQuantity, quantityErrorMessage, type Qty } from '../../../../common/quantity.js';
import { searchNormalize } from '../../../../common/text.js';
import { fieldLabelFa, priceFieldLabel, stockFieldLabel, type ImportFieldKey } from './import-fields.js';
import { splitPath, type ImportRefs } from './import-refs.js';

export type RowSettings = { columns: [number, ImportFieldKey][]; refs: ImportRefs };

/** Product columns as productPatch gives them (ids, normalized text, basePrice as a digit string). */
export type ProductValues = {
  code?: string; name?: string; description?: string | null; kind?: 'goods' | 'service'; categoryId?: string | null; brandId?: string | null;
  unitId?: string; secondUnitId?: string | null; barcode?: string | null; taxClassId?: string | null; basePrice?: string | null; active?: boolean;
};

export type PreparedRow =
  | { ok: false; reasons: string[] }
  | {
      ok: true;
      /** Parsed, only the non-empty cells. */
      values: ProductValues;
      /** Product columns whose mapped cell is empty (overwrite clears the nullable ones). */
      cleared: (keyof ProductValues)[];
      /** A category path / brand the company does not have yet: created when the row is written. */
      newCategory: string[] | null;
      newBrand: string | null;
      /** Mapped price-list cells; null = empty cell. */
      prices: { listId: string; price: string | null }[];
      /** Positive opening quantities per warehouse. */
      stock: { warehouseId: string; quantity: Qty }[];
    };

const CLEARABLE = new Set(['description', 'category', 'brand', 'secondUnit', 'barcode', 'taxClass', 'basePrice']);
const COLUMN_OF: Record<string, keyof ProductValues> = {
  code: 'code', name: 'name', description: 'description', kind: 'kind', category: 'categoryId', brand: 'brandId', unit: 'unitId',
  secondUnit: 'secondUnitId', barcode: 'barcode', taxClass: 'taxClassId', basePrice: 'basePrice', active: 'active',
};

export function parseKind(v: string): 'goods' | 'service' | null {
  const s = searchNormalize(v);
  if (/^(کالا|کالایی|محصول|goods?|product|item)$/.test(s)) return 'goods';
  if (/^(خدمت|خدمات|خدماتی|services?)$/.test(s)) return 'service';
  return null;
}

export function parseActive(v: string): boolean | null {
  const s = searchNormalize(v);
  if (/^(بله|بلی|اری|آری|فعال|1|true|yes|y|active|✓|✔)$/.test(s)) return true;
  if (/^(خیر|نه|غیر ?فعال|0|false|no|n|inactive|×|✗)$/.test(s)) return false;
  return null;
}

const withLabel = (label: string, message: string) => (message.includes(label) ? message : `${label}: ${message}`);
const list = (names: string[]) => (names.length ? names.map((n) => `«${n}»`).join('، ') : 'هیچ');

export function prepareRow(values: readonly string[], s: RowSettings): PreparedRow {
  const raw: Partial<Record<string, string>> = {};
  const reasons: string[] = [];
  const prices: { listId: string; price: string | null }[] = [];
  const stock: { warehouseId: string; quantity: Qty }[] = [];
  for (const [col, field] of s.columns) {
    const v = (values[col] ?? '').trim();
    if (v.includes('\uFFFD')) reasons.push(`${fieldLabelFa(field)}: نویسه‌های ناخوانا دارد؛ فایل را با کدگذاری UTF-8 ذخیره کنید`);
    if (field.startsWith('price:')) {
      const listId = field.slice(6);
      const label = priceFieldLabel(s.refs.priceLists.get(listId) ?? '؟');
      const p = zOptRial(label).safeParse(v);
      if (!p.success) reasons.push(...p.error.issues.map((i) => withLabel(label, i.message)));
      else prices.push({ listId, price: p.data ?? null });
    } else if (field.startsWith('stock:')) {
      if (!v) continue;
      const warehouseId = field.slice(6);
      const label = stockFieldLabel(s.refs.warehouses.get(warehouseId) ?? '؟');
      const q = parseQuantity(v);
      if (!q.ok) reasons.push(quantityErrorMessage(q.error, label));
      else if (q.value < 0n) reasons.push(`${label} نمی‌تواند منفی باشد`);
      else if (q.value > 0n) stock.push({ warehouseId, quantity: q.value });
    } else raw[field] = v;
  }
  const has = (k: string) => Boolean(raw[k]);
  const input: Record<string, unknown> = {};
  for (const k of ['code', 'name', 'description', 'barcode', 'basePrice'] as const) if (has(k)) input[k] = raw[k];
  if (has('kind')) {
    const kind = parseKind(raw.kind!);
    if (kind) input.kind = kind;
    else reasons.push(`نوع «${raw.kind}» معتبر نیست؛ «کالا» یا «خدمت» بنویسید`);
  }
  if (has('active')) {
    const active = parseActive(raw.active!);
    if (active === null) reasons.push(`فعال «${raw.active}» معتبر نیست؛ «بله» یا «خیر» بنویسید`);
    else input.active = active;
  }
  for (const [field, key, label] of [['unit', 'unitId', 'واحد اصلی'], ['secondUnit', 'secondUnitId', 'واحد دوم']] as const) {
    if (!has(field)) continue;
    const u = s.refs.unit(raw[field]!);
    if (!u) reasons.push(`${label} «${raw[field]}» تعریف نشده است؛ واحدهای موجود: ${list(s.refs.unitNames)}`);
    else if (!u.active) reasons.push(`${label} «${u.name}» غیرفعال است؛ واحدهای فعال: ${list(s.refs.unitNames)}`);
    else input[key] = u.id;
  }
  if (has('taxClass')) {
    const t = s.refs.taxClass(raw.taxClass!);
    if (!t) reasons.push(`طبقه مالیاتی «${raw.taxClass}» تعریف نشده است؛ طبقه‌های موجود: ${list(s.refs.taxClassNames)}`);
    else if (!t.active) reasons.push(`طبقه مالیاتی «${t.name}» غیرفعال است`);
    else input.taxClassId = t.id;
  }
  let newCategory: string[] | null = null;
  if (has('category')) {
    const path = splitPath(raw.category!);
    const c = s.refs.category(path);
    if (path.some((n) => n.length > 80)) reasons.push('نام هر گروه کالا حداکثر ۸۰ نویسه است');
    else if (c && !c.active) reasons.push(`گروه کالای «${path.join(' / ')}» غیرفعال است`);
    else if (c) input.categoryId = c.id;
    else newCategory = path;
  }
  let newBrand: string | null = null;
  if (has('brand')) {
    const b = s.refs.brand(raw.brand!);
    if (raw.brand!.length > 80) reasons.push('برند حداکثر ۸۰ نویسه است');
    else if (b && !b.active) reasons.push(`برند «${b.name}» غیرفعال است`);
    else if (b) input.brandId = b.id;
    else newBrand = raw.brand!.replace(/\s+/g, ' ');
  }
  const parsed = productPatch.safeParse(input);
  if (!parsed.success) for (const i of parsed.error.issues) reasons.push(withLabel(fieldLabelFa(String(i.path[0] ?? '')), i.message));
  if (reasons.length || !parsed.success) return { ok: false, reasons };

  const out = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined && v !== null)) as ProductValues;
  const cleared = Object.entries(raw).filter(([f, v]) => v === '' && CLEARABLE.has(f)).map(([f]) => COLUMN_OF[f]!);
  return { ok: true, values: out, cleared, newCategory, newBrand, prices, stock };
}
