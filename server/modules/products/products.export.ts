import type { ProductFilters, ProductOut } from '../../../common/contracts/products.contract.js';
import { formatJalali } from '../../../common/jalali.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { listProducts } from './products.service.js';

const money = (v: string | null) => (v === null ? null : Number.isSafeInteger(Number(v)) ? Number(v) : v);

export const PRODUCT_EXPORT_COLUMNS: ExportColumn<ProductOut>[] = [
  { header: 'کد کالا', value: (r) => r.code },
  { header: 'نام کالا', value: (r) => r.name, width: 32 },
  { header: 'نوع', value: (r) => (r.kind === 'service' ? 'خدمت' : 'کالا') },
  { header: 'گروه کالا', value: (r) => r.categoryName },
  { header: 'برند', value: (r) => r.brandName },
  { header: 'رنگ', value: (r) => r.color },
  { header: 'واحد اصلی', value: (r) => r.unitName },
  { header: 'واحد دوم', value: (r) => r.secondUnitName },
  { header: 'بارکد', value: (r) => r.barcode },
  { header: 'طبقه مالیاتی', value: (r) => r.taxClassName, width: 26 },
  { header: 'قیمت پایه (ریال)', value: (r) => money(r.basePrice) },
  { header: 'تعداد تنوع', value: (r) => r.variantCount },
  { header: 'فعال', value: (r) => (r.active ? 'بله' : 'خیر') },
  { header: 'توضیحات', value: (r) => r.description, width: 40 },
  { header: 'تاریخ ایجاد', value: (r) => formatJalali(r.createdAt, { digits: 'latin' }) },
];

/** Page by page with the list's own query and filters, so memory stays flat. */
export async function* productExportPages(ctx: Ctx, filters: ProductFilters) {
  let cursor: string | undefined;
  do {
    const page = await listProducts(ctx, { ...filters, limit: 500, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
