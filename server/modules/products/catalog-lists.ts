import { and, eq } from 'drizzle-orm';
import { registerLookupList, registerLookupUsage } from '../settings/index.js';
import { products } from './products.table.js';
import { priceLists } from './price-lists.table.js';

// Registered at import time so a new company's defaults exist before any route is hit.
registerLookupList('productBrand', { label: { fa: 'برندها', en: 'Brands' }, defaults: [] });
registerLookupList('salesChannel', {
  label: { fa: 'کانال‌های فروش', en: 'Sales channels' },
  defaults: ['فروشگاه حضوری', 'فروش تلفنی', 'فروشگاه اینترنتی', 'عمده‌فروشی'],
});

registerLookupUsage('productBrand', async (tx, tenantId, id) =>
  (await tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, tenantId), eq(products.brandId, id))).limit(1)).length > 0);
registerLookupUsage('salesChannel', async (tx, tenantId, id) =>
  (await tx.select({ id: priceLists.id }).from(priceLists).where(and(eq(priceLists.tenantId, tenantId), eq(priceLists.channelId, id))).limit(1)).length > 0);
