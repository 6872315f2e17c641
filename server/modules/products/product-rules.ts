// Checks shared by products and variants: references exist in this company, codes and barcodes are unique.
import { and, eq, ne, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/types.js';
import { fieldError } from '../../platform/http/app-error.js';
import { lookupValues } from '../settings/lookups.table.js';
import { productCategories, productUnits, productVariants, products, taxClasses } from './products.table.js';

type Refs = { unitId?: string | null; secondUnitId?: string | null; secondUnitRatio?: string | null; categoryId?: string | null; brandId?: string | null; taxClassId?: string | null };

/** Each given reference must exist in this company (and, for a new choice, be active). */
export async function assertReferences(tx: Tx, tenantId: string, v: Refs, before?: Refs) {
  const changed = (k: keyof Refs) => v[k] && v[k] !== before?.[k];
  for (const [field, label] of [['unitId', 'واحد اصلی'], ['secondUnitId', 'واحد دوم']] as const) {
    if (!changed(field)) continue;
    const [u] = await tx.select({ active: productUnits.active }).from(productUnits).where(and(eq(productUnits.tenantId, tenantId), eq(productUnits.id, v[field]!)));
    if (!u) throw fieldError(field, `${label} انتخاب‌شده پیدا نشد`);
    if (!u.active) throw fieldError(field, `${label} انتخاب‌شده غیرفعال است`);
  }
  const unitId = v.unitId ?? before?.unitId;
  const secondUnitId = v.secondUnitId === undefined ? before?.secondUnitId : v.secondUnitId;
  if (unitId && secondUnitId && unitId === secondUnitId) throw fieldError('secondUnitId', 'واحد دوم باید با واحد اصلی فرق داشته باشد');
  if (v.secondUnitRatio && !secondUnitId) throw fieldError('secondUnitRatio', 'ضریب تبدیل بدون واحد دوم معنا ندارد؛ نخست واحد دوم را انتخاب کنید');
  if (changed('categoryId')) {
    const [c] = await tx.select({ active: productCategories.active }).from(productCategories).where(and(eq(productCategories.tenantId, tenantId), eq(productCategories.id, v.categoryId!)));
    if (!c) throw fieldError('categoryId', 'گروه کالای انتخاب‌شده پیدا نشد');
    if (!c.active) throw fieldError('categoryId', 'گروه کالای انتخاب‌شده غیرفعال است');
  }
  if (changed('brandId')) {
    const [b] = await tx.select({ id: lookupValues.id }).from(lookupValues).where(and(eq(lookupValues.tenantId, tenantId), eq(lookupValues.id, v.brandId!), eq(lookupValues.list, 'productBrand')));
    if (!b) throw fieldError('brandId', 'برند انتخاب‌شده پیدا نشد');
  }
  if (changed('taxClassId')) {
    const [t] = await tx.select({ id: taxClasses.id }).from(taxClasses).where(and(eq(taxClasses.tenantId, tenantId), eq(taxClasses.id, v.taxClassId!)));
    if (!t) throw fieldError('taxClassId', 'طبقه مالیاتی انتخاب‌شده پیدا نشد');
  }
}

const who = (o: { name: string; code: string; deletedAt: Date | null }) =>
  `کالای «${o.name}» (کد ${o.code})${o.deletedAt ? ' که حذف شده است' : ''}`;

/**
 * A code or barcode is unique in the company across products and variants. `self` leaves out the
 * record being saved (a product and its default variant share theirs).
 */
export async function assertUniqueCodes(
  tx: Tx, tenantId: string, v: { code?: string | null | undefined; barcode?: string | null | undefined },
  self: { productId?: string; variantId?: string; fields?: { code: string; barcode: string } } = {},
) {
  const fields = self.fields ?? { code: 'code', barcode: 'barcode' };
  for (const key of ['code', 'barcode'] as const) {
    const value = v[key];
    if (!value) continue;
    const label = key === 'code' ? 'کد' : 'بارکد';
    const [p] = await tx.select({ name: products.name, code: products.code, deletedAt: products.deletedAt }).from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products[key], value), self.productId ? ne(products.id, self.productId) : undefined));
    if (p) throw fieldError(fields[key], `${label} «${value}» برای ${who(p)} ثبت شده است`, 'duplicate');
    const [other] = await tx
      .select({ name: products.name, code: products.code, deletedAt: products.deletedAt, variantCode: productVariants.code, isDefault: productVariants.isDefault })
      .from(productVariants).innerJoin(products, eq(products.id, productVariants.productId))
      .where(and(
        eq(productVariants.tenantId, tenantId), eq(productVariants[key], value),
        self.variantId ? ne(productVariants.id, self.variantId) : undefined,
        // A product's own default variant mirrors its code and barcode.
        self.productId && !self.variantId ? or(ne(productVariants.productId, self.productId), eq(productVariants.isDefault, false)) : undefined,
      ));
    if (other) {
      const variant = other.isDefault ? '' : `تنوع «${other.variantCode}» از `;
      throw fieldError(fields[key], `${label} «${value}» برای ${variant}${who(other)} ثبت شده است`, 'duplicate');
    }
  }
}
