import { and, eq } from 'drizzle-orm';
import { registerLookupList, registerLookupUsage } from '../settings/index.js';
import { customers } from './customers.table.js';

// Registered at import time so a new company's defaults exist before any route is hit.
registerLookupList('customerSource', {
  label: { fa: 'شیوه‌های آشنایی', en: 'Customer sources' },
  defaults: ['معرفی مشتریان', 'نمایشگاه', 'وب‌سایت', 'شبکه‌های اجتماعی', 'تبلیغات', 'تماس تلفنی'],
});
registerLookupList('organizationType', {
  label: { fa: 'انواع سازمان', en: 'Organization types' },
  defaults: ['تولیدی', 'توزیعی', 'خدماتی', 'بازرگانی', 'دولتی'],
});

for (const [list, column] of [['customerSource', customers.sourceId], ['organizationType', customers.organizationTypeId]] as const) {
  registerLookupUsage(list, async (tx, tenantId, id) =>
    (await tx.select({ id: customers.id }).from(customers).where(and(eq(customers.tenantId, tenantId), eq(column, id))).limit(1)).length > 0);
}
