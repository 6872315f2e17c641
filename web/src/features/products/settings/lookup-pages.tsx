import { LookupListPage } from '../../settings/lookup-list-page.js';

export const BRANDS_TITLE = { fa: 'برندها', en: 'Brands' };
export const SALES_CHANNELS_TITLE = { fa: 'کانال‌های فروش', en: 'Sales channels' };

/** /settings/product-brands */
export function ProductBrandsPage() {
  return <LookupListPage list="productBrand" title={BRANDS_TITLE} />;
}

/** /settings/sales-channels */
export function SalesChannelsPage() {
  return <LookupListPage list="salesChannel" title={SALES_CHANNELS_TITLE} />;
}
