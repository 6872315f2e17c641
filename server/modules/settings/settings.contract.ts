import { z } from 'zod';
import { zEconomicCode, zLegalId, zOptional, zPersianText, zPostalCode } from '../../../common/validators/zod.js';

export const companyBody = z.object({
  name: zPersianText({ label: 'نام شرکت', max: 150 }),
  economicCode: zOptional(zEconomicCode()).nullable(),
  legalId: zOptional(zLegalId()).nullable(),
  registrationNo: zOptional(zPersianText({ label: 'شماره ثبت', max: 30 })).nullable(),
  address: zOptional(zPersianText({ label: 'نشانی', max: 500, multiline: true })).nullable(),
  postalCode: zOptional(zPostalCode()).nullable(),
  phones: zOptional(zPersianText({ label: 'تلفن‌ها', max: 200 })).nullable(),
  fiscalYearStartMonth: z.coerce.number().int().min(1).max(12).default(1),
  currencyDisplay: z.enum(['rial', 'toman']).default('rial'),
});
export const companyOut = z.object({
  name: z.string(),
  economicCode: z.string().nullable(),
  legalId: z.string().nullable(),
  registrationNo: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phones: z.string().nullable(),
  logoFileId: z.string().nullable(),
  fiscalYearStartMonth: z.number(),
  currencyDisplay: z.enum(['rial', 'toman']),
});
