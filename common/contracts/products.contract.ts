import { z } from 'zod';
import { zPersianText } from '../validators/zod.js';
import { optText, zBool, zDay, zInt, zOptCode, zOptRatio, zOptRef, zOptRial, zPercent, zRef, zVersion } from './catalog-fields.js';

/** Product catalog payloads (units, categories, tax classes, attributes, products, variants), defined once. */

// ---- Units (واحد) ----
export const unitInput = z.object({
  name: zPersianText({ label: 'نام واحد', max: 40 }),
  decimals: zInt('تعداد رقم اعشار', 0, 6).optional(),
  active: zBool('فعال').optional(),
});
export const unitPatch = unitInput.partial();
export const unitOut = z.object({ id: z.string(), name: z.string(), decimals: z.number(), active: z.boolean() });
export type UnitInput = z.infer<typeof unitInput>;
export type UnitOut = z.infer<typeof unitOut>;

// ---- Categories (گروه کالا) ----
export const categoryInput = z.object({
  name: zPersianText({ label: 'نام گروه', max: 80 }),
  parentId: zOptRef('گروه بالادست'),
  sortOrder: zInt('ترتیب', 0, 100000).optional(),
  active: zBool('فعال').optional(),
});
export const categoryPatch = categoryInput.partial();
export const categoryOut = z.object({
  id: z.string(), parentId: z.string().nullable(), name: z.string(), path: z.string(), depth: z.number(),
  sortOrder: z.number(), active: z.boolean(), productCount: z.number(),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export type CategoryPatch = z.infer<typeof categoryPatch>;
export type CategoryOut = z.infer<typeof categoryOut>;

// ---- Tax classes (مالیات بر ارزش افزوده و عوارض) ----
export const taxRateInput = z.object({
  effectiveFrom: zDay('تاریخ شروع نرخ'),
  vatRate: zPercent('نرخ مالیات'),
  tollRate: zPercent('نرخ عوارض'),
});
export const taxClassInput = z.object({
  name: zPersianText({ label: 'نام طبقه مالیاتی', max: 80 }),
  exempt: zBool('معاف').optional(),
  active: zBool('فعال').optional(),
  rates: z.array(taxRateInput).max(50, { error: 'حداکثر ۵۰ نرخ' }).optional(),
});
export const taxClassPatch = taxClassInput.partial();
export const taxRateOut = z.object({ effectiveFrom: z.string(), vatRate: z.string(), tollRate: z.string() });
export const taxClassOut = z.object({ id: z.string(), name: z.string(), exempt: z.boolean(), active: z.boolean(), rates: z.array(taxRateOut) });
export type TaxClassInput = z.infer<typeof taxClassInput>;
export type TaxClassOut = z.infer<typeof taxClassOut>;

// ---- Attributes (مشخصه کالا) ----
export const attributeInput = z.object({
  name: zPersianText({ label: 'نام مشخصه', max: 40 }),
  values: z.array(zPersianText({ label: 'مقدار مشخصه', max: 40 }), { error: 'مقادیر مشخصه معتبر نیست' }).max(200, { error: 'حداکثر ۲۰۰ مقدار' }).optional(),
});
export const attributePatch = attributeInput.partial();
export const attributeOut = z.object({ id: z.string(), name: z.string(), values: z.array(z.string()) });
export type AttributeInput = z.infer<typeof attributeInput>;
export type AttributeOut = z.infer<typeof attributeOut>;

// ---- Products ----
export const productKind = z.enum(['goods', 'service'], { error: 'نوع کالا باید «کالا» یا «خدمت» باشد' });

export const productFields = z.object({
  code: zOptCode('کد کالا'),
  name: zPersianText({ label: 'نام کالا', max: 200 }),
  description: optText('توضیحات', 4000, true),
  kind: productKind.optional(),
  categoryId: zOptRef('گروه کالا'),
  brandId: zOptRef('برند'),
  color: optText('رنگ', 40),
  unitId: zRef('واحد اصلی'),
  secondUnitId: zOptRef('واحد دوم'),
  /** How many main units one second unit usually holds (one sack ≈ 25 kg): a hint for forms, stock stays independent. */
  secondUnitRatio: zOptRatio('ضریب تبدیل واحد دوم'),
  barcode: zOptCode('بارکد', 64),
  taxClassId: zOptRef('طبقه مالیاتی'),
  basePrice: zOptRial('قیمت پایه'),
  active: zBool('فعال').optional(),
  showStockToSales: zBool('نمایش موجودی به فروش').optional(),
  allowNegativeStock: zBool('اجازه موجودی منفی').optional(),
});

const secondUnitDiffers = <T extends z.ZodType<{ unitId?: string | undefined; secondUnitId?: string | null | undefined }>>(s: T) =>
  s.superRefine((v, ctx) => {
    if (v.unitId && v.secondUnitId && v.unitId === v.secondUnitId) {
      ctx.addIssue({ code: 'custom', path: ['secondUnitId'], message: 'واحد دوم باید با واحد اصلی فرق داشته باشد' });
    }
  });

export const productCreate = secondUnitDiffers(productFields);
export const productPatch = secondUnitDiffers(productFields.partial().extend({ version: zVersion }));
export type ProductCreate = z.infer<typeof productCreate>;
export type ProductPatch = z.infer<typeof productPatch>;

export const variantInput = z.object({
  code: zOptCode('کد تنوع'),
  barcode: zOptCode('بارکد تنوع', 64),
  attributes: z.record(z.string(), z.string(), { error: 'مشخصه‌های تنوع معتبر نیست' }),
  active: zBool('فعال').optional(),
});
export const variantPatch = variantInput.partial();
export type VariantInput = z.infer<typeof variantInput>;
export type VariantPatch = z.infer<typeof variantPatch>;
export const variantOut = z.object({
  id: z.string(), code: z.string(), barcode: z.string().nullable(), attributes: z.record(z.string(), z.string()),
  isDefault: z.boolean(), active: z.boolean(),
});
export type VariantOut = z.infer<typeof variantOut>;

export const productOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['goods', 'service']),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  color: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  unitDecimals: z.number(),
  secondUnitId: z.string().nullable(),
  secondUnitName: z.string().nullable(),
  secondUnitRatio: z.string().nullable(),
  barcode: z.string().nullable(),
  taxClassId: z.string().nullable(),
  taxClassName: z.string().nullable(),
  basePrice: z.string().nullable(),
  active: z.boolean(),
  showStockToSales: z.boolean(),
  allowNegativeStock: z.boolean(),
  variantCount: z.number(),
  /** The product picture (a platform file) and where to fetch it: GET /api/files/{imageFileId}. */
  imageFileId: z.string().nullable(),
  imageUrl: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ProductOut = z.infer<typeof productOut>;
export const productDetailOut = productOut.extend({ variants: z.array(variantOut) });
export type ProductDetailOut = z.infer<typeof productDetailOut>;

export const PRODUCT_SORTS = ['-createdAt', 'createdAt', 'name', '-name', 'code', '-code', '-updatedAt'] as const;
const flag = z.enum(['true', 'false'], { error: 'مقدار باید true یا false باشد' });

/** The list's filters; the export takes the same ones. */
export const productFilters = z.object({
  q: z.string().max(100).optional(),
  categoryId: zRef('گروه کالا').optional(),
  brandId: zRef('برند').optional(),
  kind: productKind.optional(),
  active: flag.optional(),
  /** Only what the caller (or `userId`) may sell under the sales category limits. */
  sellableOnly: flag.optional(),
  sort: z.enum(PRODUCT_SORTS, { error: 'مرتب‌سازی معتبر نیست' }).default('-createdAt'),
});
export const productListQuery = productFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  total: flag.optional(),
});
export const productExportQuery = productFilters.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export type ProductFilters = z.infer<typeof productFilters>;
export type ProductListQuery = z.infer<typeof productListQuery>;

// ---- Sales limits (which product groups a sales user may sell) ----
export const salesLimitsBody = z.object({ categoryIds: z.array(zRef('گروه کالا')).max(500, { error: 'حداکثر ۵۰۰ گروه' }) });
export const salesLimitsOut = z.object({ userId: z.string(), categoryIds: z.array(z.string()), categories: z.array(z.object({ id: z.string(), name: z.string() })) });
