import { registerLookupList } from '../settings/index.js';

// Registered at import time so a new company's defaults exist before any route is hit.
registerLookupList('customerSource', {
  label: { fa: 'شیوه‌های آشنایی', en: 'Customer sources' },
  defaults: ['معرفی مشتریان', 'نمایشگاه', 'وب‌سایت', 'شبکه‌های اجتماعی', 'تبلیغات', 'تماس تلفنی'],
});
registerLookupList('organizationType', {
  label: { fa: 'انواع سازمان', en: 'Organization types' },
  defaults: ['تولیدی', 'توزیعی', 'خدماتی', 'بازرگانی', 'دولتی'],
});
