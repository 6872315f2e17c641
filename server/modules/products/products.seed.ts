// What a new company starts with (units, tax classes) and the demo company's catalog.
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { productUnits, taxClasses } from './products.table.js';
import { insertTaxClass } from './tax-classes.service.js';
import { createCategory } from './categories.service.js';
import { createProduct } from './products.service.js';
import { addVariant } from './variants.service.js';
import { saveAttribute } from './catalog-settings.service.js';

export const DEFAULT_UNITS: { name: string; decimals: number }[] = [
  { name: 'عدد', decimals: 0 }, { name: 'کیلوگرم', decimals: 3 }, { name: 'متر', decimals: 2 }, { name: 'کارتن', decimals: 0 },
  { name: 'بسته', decimals: 0 }, { name: 'لیتر', decimals: 2 }, { name: 'ساعت', decimals: 2 },
];

/**
 * VAT rates by date (iran-domain.md): 9% until the end of 1402 (6% tax + 3% toll, from 1393/01/01 = 2014-03-21);
 * 10% from 1403/01/01 = 2024-03-20. The 7 + 3 split of the 10% is UNVERIFIED and the 12% proposal for 1405 is not
 * seeded: both are data an administrator edits in Settings.
 */
export const VAT_CLASS = {
  name: 'مشمول مالیات بر ارزش افزوده',
  rates: [
    { effectiveFrom: '2014-03-21', vatRate: '6.00', tollRate: '3.00' },
    { effectiveFrom: '2024-03-20', vatRate: '7.00', tollRate: '3.00' },
  ],
};
export const EXEMPT_CLASS = { name: 'معاف', exempt: true, rates: [] };

export async function seedProductDefaults(tx: Tx, tenantId: string) {
  const now = new Date();
  await tx.insert(productUnits).values(DEFAULT_UNITS.map((u) => ({ tenantId, ...u, createdAt: now })));
  await insertTaxClass(tx, tenantId, VAT_CLASS, now);
  await insertTaxClass(tx, tenantId, EXEMPT_CLASS, now);
}

/** A few categories, attributes and products for the demo company. */
export async function seedDemoProducts(ctx: Ctx) {
  const { units, taxes } = await inTenant(ctx.db, ctx, async (tx) => ({
    units: Object.fromEntries((await tx.select().from(productUnits)).map((u) => [u.name, u.id])),
    taxes: Object.fromEntries((await tx.select().from(taxClasses)).map((t) => [t.name, t.id])),
  }));
  const vat = taxes[VAT_CLASS.name] ?? null;
  const exempt = taxes[EXEMPT_CLASS.name] ?? null;
  const tools = await createCategory(ctx, { name: 'ابزار و یراق' });
  const hand = await createCategory(ctx, { name: 'ابزار دستی', parentId: tools.id });
  const power = await createCategory(ctx, { name: 'ابزار برقی', parentId: tools.id });
  const food = await createCategory(ctx, { name: 'مواد غذایی' });
  const services = await createCategory(ctx, { name: 'خدمات' });
  await saveAttribute(ctx, null, { name: 'رنگ', values: ['قرمز', 'آبی', 'مشکی'] });
  await saveAttribute(ctx, null, { name: 'سایز', values: ['S', 'M', 'L', 'XL'] });
  await createProduct(ctx, { code: '1001', name: 'پیچ‌گوشتی دوسو', categoryId: hand.id, unitId: units['عدد']!, secondUnitId: units['کارتن']!, taxClassId: vat, basePrice: '450000', barcode: '6260000000017' });
  const drill = await createProduct(ctx, { code: '1002', name: 'دریل شارژی ۱۸ ولت', categoryId: power.id, unitId: units['عدد']!, taxClassId: vat, basePrice: '38500000', description: 'دریل پیچ‌گوشتی شارژی با دو باتری' });
  await addVariant(ctx, drill.id, { code: '1002-R', attributes: { 'رنگ': 'قرمز' } });
  await addVariant(ctx, drill.id, { code: '1002-B', attributes: { 'رنگ': 'آبی' } });
  await createProduct(ctx, { code: '1003', name: 'برنج ایرانی طارم', categoryId: food.id, unitId: units['کیلوگرم']!, taxClassId: exempt, basePrice: '1850000' });
  await createProduct(ctx, { code: '1004', name: 'کابل برق ۲.۵ افشان', categoryId: tools.id, unitId: units['متر']!, secondUnitId: units['کارتن']!, taxClassId: vat, basePrice: '125000' });
  await createProduct(ctx, { code: '2001', name: 'نصب و راه‌اندازی', kind: 'service', categoryId: services.id, unitId: units['ساعت']!, taxClassId: vat, basePrice: '6000000' });
}
