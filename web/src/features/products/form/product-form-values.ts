// The product form's values and their mapping to the API payloads.
import type { ProductCreateInput, ProductDetail, Variant, VariantInput } from '../products-api.js';

export type VariantRow = { key: string; id?: string; code: string; barcode: string; attributes: Record<string, string>; active: boolean };

export type ProductFormValues = {
  code: string; name: string; description: string; kind: 'goods' | 'service'; categoryId: string | null; brandId: string | null; color: string;
  unitId: string | null; secondUnitId: string | null; secondUnitRatio: string; barcode: string; taxClassId: string | null; basePrice: string; active: boolean;
  showStockToSales: boolean; allowNegativeStock: boolean; variants: VariantRow[];
};

export const EMPTY_PRODUCT_FORM: ProductFormValues = {
  code: '', name: '', description: '', kind: 'goods', categoryId: null, brandId: null, color: '', unitId: null, secondUnitId: null, secondUnitRatio: '',
  barcode: '', taxClassId: null, basePrice: '', active: true, showStockToSales: true, allowNegativeStock: false, variants: [],
};

let seq = 0;
export const newRowKey = () => `row-${++seq}`;

const variantRow = (v: Variant): VariantRow => ({ key: v.id, id: v.id, code: v.code, barcode: v.barcode ?? '', attributes: v.attributes, active: v.active });

export function toFormValues(p: ProductDetail): ProductFormValues {
  return {
    code: p.code, name: p.name, description: p.description ?? '', kind: p.kind, categoryId: p.categoryId, brandId: p.brandId, color: p.color ?? '',
    unitId: p.unitId, secondUnitId: p.secondUnitId, secondUnitRatio: p.secondUnitRatio ?? '', barcode: p.barcode ?? '', taxClassId: p.taxClassId, basePrice: p.basePrice ?? '',
    active: p.active, showStockToSales: p.showStockToSales, allowNegativeStock: p.allowNegativeStock,
    variants: p.variants.filter((v) => !v.isDefault).map(variantRow),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s);

export function productInputOf(v: ProductFormValues): ProductCreateInput {
  return {
    code: orNull(v.code), name: v.name, description: orNull(v.description), kind: v.kind, categoryId: v.categoryId, brandId: v.brandId, color: orNull(v.color),
    unitId: v.unitId ?? '', secondUnitId: v.secondUnitId, secondUnitRatio: v.secondUnitId ? orNull(v.secondUnitRatio) : null, barcode: orNull(v.barcode), taxClassId: v.taxClassId, basePrice: orNull(v.basePrice),
    active: v.active, showStockToSales: v.showStockToSales, allowNegativeStock: v.allowNegativeStock,
  };
}

/** Only the fields that differ from the loaded product. */
export function productPatchOf(v: ProductFormValues, server: ProductDetail): Partial<ProductCreateInput> {
  const now = productInputOf(v) as Record<string, unknown>;
  const before = productInputOf(toFormValues(server)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(now).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k])));
}

export const variantInputOf = (r: VariantRow): VariantInput => ({
  code: orNull(r.code), barcode: orNull(r.barcode), attributes: Object.fromEntries(Object.entries(r.attributes).filter(([, x]) => x)), active: r.active,
});
