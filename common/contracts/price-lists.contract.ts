import { z } from 'zod';
import { zPersianText } from '../validators/zod.js';
import { zBool, zInt, zOptDay, zOptRef, zRef, zRial, zVersion } from './catalog-fields.js';

/** Price lists (لیست قیمت) per sales channel and/or role with validity dates; items per product or variant. */
export const priceListFields = z.object({
  name: zPersianText({ label: 'نام لیست قیمت', max: 120 }),
  channelId: zOptRef('کانال فروش'),
  roleId: zOptRef('نقش'),
  validFrom: zOptDay('تاریخ شروع اعتبار'),
  validTo: zOptDay('تاریخ پایان اعتبار'),
  priority: zInt('اولویت', -1000, 1000).optional(),
  active: zBool('فعال').optional(),
});

const datesInOrder = <T extends z.ZodType<{ validFrom?: string | null | undefined; validTo?: string | null | undefined }>>(s: T) =>
  s.superRefine((v, ctx) => {
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'تاریخ پایان اعتبار نباید پیش از تاریخ شروع باشد' });
    }
  });

export const priceListCreate = datesInOrder(priceListFields);
export const priceListPatch = datesInOrder(priceListFields.partial().extend({ version: zVersion }));
export type PriceListCreate = z.infer<typeof priceListCreate>;
export type PriceListPatch = z.infer<typeof priceListPatch>;

export const priceListOut = z.object({
  id: z.string(), name: z.string(), channelId: z.string().nullable(), channelName: z.string().nullable(),
  roleId: z.string().nullable(), roleName: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable(),
  priority: z.number(), active: z.boolean(), itemCount: z.number(), version: z.number(), createdAt: z.date(), updatedAt: z.date(),
});
export type PriceListOut = z.infer<typeof priceListOut>;

export const priceListQuery = z.object({
  q: z.string().max(100).optional(),
  channelId: zRef('کانال فروش').optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type PriceListFilters = z.infer<typeof priceListQuery>;
const exportFormat = z.enum(['csv', 'xlsx']).default('xlsx');
export const priceListExportQuery = priceListQuery.extend({ format: exportFormat });
export const priceItemExportQuery = z.object({ format: exportFormat });

export const priceItemInput = z.object({
  productId: zRef('کالا'),
  variantId: zOptRef('تنوع کالا'),
  price: zRial('قیمت'),
});
export const priceItemsBody = z.object({
  items: z.array(priceItemInput).max(5000, { error: 'حداکثر ۵۰۰۰ ردیف در هر بار' }),
  /** Remove the list's items that are not in `items` (a full replace). */
  replace: z.boolean().optional(),
  removeIds: z.array(zRef('ردیف')).max(5000).optional(),
});
export type PriceItemsBody = z.infer<typeof priceItemsBody>;
export const priceItemOut = z.object({
  id: z.string(), productId: z.string(), productCode: z.string(), productName: z.string(), variantId: z.string().nullable(),
  variantCode: z.string().nullable(), variantAttributes: z.record(z.string(), z.string()).nullable(), unitName: z.string(), price: z.string(),
});
export type PriceItemOut = z.infer<typeof priceItemOut>;

export const priceQuery = z.object({
  channel: zRef('کانال فروش').optional(),
  date: zOptDay('تاریخ'),
  variantId: zRef('تنوع کالا').optional(),
  userId: zRef('کاربر').optional(),
});
export type PriceQuery = z.infer<typeof priceQuery>;

export const priceOut = z.object({
  productId: z.string(),
  variantId: z.string(),
  date: z.string(),
  price: z.string().nullable(),
  source: z.enum(['priceList', 'basePrice', 'none']),
  priceList: z.object({ id: z.string(), name: z.string(), itemId: z.string() }).nullable(),
  /** Why this price won, in Persian (and the ranking keys). */
  reason: z.string(),
  candidates: z.array(z.object({ priceListId: z.string(), name: z.string(), price: z.string(), specificity: z.number(), variantItem: z.boolean(), priority: z.number(), validFrom: z.string().nullable() })),
});
export type PriceOut = z.infer<typeof priceOut>;
