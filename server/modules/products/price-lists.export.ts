import type { PriceItemOut, PriceListFilters, PriceListOut } from '../../../common/contracts/price-lists.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDay, numberCell, yesNo } from '../../platform/export/export-values.js';
import { getPriceList, listPriceLists, priceItemsPage, type PriceItemKey } from './price-lists.service.js';

export const PRICE_LIST_EXPORT_COLUMNS: ExportColumn<PriceListOut>[] = [
  { header: 'نام لیست قیمت', value: (r) => r.name, width: 30 },
  { header: 'کانال فروش', value: (r) => r.channelName ?? 'همه کانال‌ها' },
  { header: 'نقش', value: (r) => r.roleName ?? 'همه نقش‌ها' },
  { header: 'شروع اعتبار', value: (r) => jalaliDay(r.validFrom), width: 12 },
  { header: 'پایان اعتبار', value: (r) => jalaliDay(r.validTo), width: 12 },
  { header: 'اولویت', value: (r) => r.priority, width: 8 },
  { header: 'تعداد ردیف', value: (r) => r.itemCount, width: 10 },
  { header: 'فعال', value: (r) => yesNo(r.active), width: 8 },
];

export const PRICE_ITEM_EXPORT_COLUMNS: ExportColumn<PriceItemOut>[] = [
  { header: 'کد کالا', value: (r) => r.productCode },
  { header: 'نام کالا', value: (r) => r.productName, width: 32 },
  { header: 'تنوع', value: (r) => r.variantCode ?? 'همه تنوع‌ها' },
  { header: 'مشخصات تنوع', value: (r) => (r.variantAttributes ? Object.values(r.variantAttributes).join('، ') || null : null), width: 24 },
  { header: 'واحد', value: (r) => r.unitName, width: 10 },
  { header: 'قیمت (ریال)', value: (r) => numberCell(r.price) },
];

/** The lists are few (one query, as on the screen). */
export async function* priceListExportPages(ctx: Ctx, filters: PriceListFilters) {
  yield await listPriceLists(ctx, filters);
}

/** Checks the list exists (404 before anything is sent), then its prices a page (1,000) at a time. */
export async function priceItemExport(ctx: Ctx, priceListId: string, pageSize = 1000) {
  const list = await getPriceList(ctx, priceListId);
  async function* pages() {
    let after: PriceItemKey | undefined;
    for (;;) {
      const page = await priceItemsPage(ctx, priceListId, after, pageSize);
      if (page.length) yield page;
      if (page.length < pageSize) return;
      after = page.at(-1)!;
    }
  }
  return { list, pages: pages() };
}
