import { z } from 'zod';
import {
  zEconomicCode, zJalaliDate, zLegalId, zMobile, zNationalId, zOptional, zPersianText, zPhone, zPostalCode, zSheba,
} from '../validators/zod.js';
import { toLatinDigits } from '../text.js';

/** Customer payloads, defined once for the API, its OpenAPI document and the web forms. */
export const customerKind = z.enum(['natural', 'legal']);
const optText = (label: string, max: number) => zOptional(zPersianText({ label, max })).nullable();
const optUuid = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().optional());

export const addressInput = z.object({
  id: z.uuid().optional(),
  title: optText('عنوان نشانی', 60),
  provinceId: z.coerce.number().int().min(1).max(99).nullable().optional(),
  cityId: z.coerce.number().int().positive().nullable().optional(),
  postalCode: zOptional(zPostalCode()).nullable(),
  address: zPersianText({ label: 'نشانی', max: 500, multiline: true }),
  phone: zOptional(zPhone('تلفن نشانی')).nullable(),
  isPrimary: z.boolean().optional(),
});

export const contactInput = z.object({
  firstName: optText('نام', 60),
  lastName: zPersianText({ label: 'نام خانوادگی', max: 80 }),
  position: optText('سمت', 80),
  mobile: zOptional(zMobile()).nullable(),
  phone: zOptional(zPhone()).nullable(),
  email: zOptional(z.email('نشانی ایمیل معتبر نیست').max(120)).nullable(),
  isPrimary: z.boolean().optional(),
  notes: zOptional(zPersianText({ label: 'توضیحات', max: 1000, multiline: true })).nullable(),
});

export const customerFields = z.object({
  kind: customerKind,
  code: zOptional(z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).trim() : v), z.string().max(30, 'کد مشتری حداکثر ۳۰ نویسه است'))).nullable(),
  firstName: optText('نام', 60),
  lastName: optText('نام خانوادگی', 80),
  companyName: optText('نام سازمان', 150),
  nationalId: zOptional(zNationalId()).nullable(),
  legalId: zOptional(zLegalId()).nullable(),
  economicCode: zOptional(zEconomicCode()).nullable(),
  registrationNo: optText('شماره ثبت', 30),
  organizationTypeId: optUuid,
  birthDate: zOptional(zJalaliDate('تاریخ تولد')).nullable(),
  weddingDate: zOptional(zJalaliDate('سالگرد ازدواج')).nullable(),
  mobile: zOptional(zMobile()).nullable(),
  phone: zOptional(zPhone()).nullable(),
  email: zOptional(z.email('نشانی ایمیل معتبر نیست').max(120)).nullable(),
  website: optText('وب‌سایت', 200),
  sheba: zOptional(zSheba()).nullable(),
  sourceId: optUuid,
  grade: optText('درجه', 20),
  tags: z.array(zPersianText({ label: 'برچسب', max: 40 })).max(30).optional(),
  ownerId: optUuid,
  notes: zOptional(zPersianText({ label: 'توضیحات', max: 4000, multiline: true })).nullable(),
});

type Named = { kind?: 'natural' | 'legal' | undefined; lastName?: string | null | undefined; companyName?: string | null | undefined };
/**
 * A natural person needs a last name; a legal person a company name. The one rule customerCreate adds
 * to customerFields, exported so the import can check an already-parsed row without parsing it again.
 */
export function missingName(v: Named): { path: 'lastName' | 'companyName'; message: string } | null {
  if (v.kind === 'natural' && !v.lastName) return { path: 'lastName', message: 'نام خانوادگی الزامی است' };
  if (v.kind === 'legal' && !v.companyName) return { path: 'companyName', message: 'نام سازمان الزامی است' };
  return null;
}
const requireName = <T extends z.ZodType<Named>>(s: T) =>
  s.superRefine((v, ctx) => {
    const m = missingName(v);
    if (m) ctx.addIssue({ code: 'custom', path: [m.path], message: m.message });
  });

export const customerCreate = requireName(
  customerFields.extend({ contacts: z.array(contactInput).max(100).optional(), addresses: z.array(addressInput).max(20).optional() }),
);
export const customerPatch = customerFields.partial().extend({ version: z.number().int().positive().optional() });
export type CustomerCreate = z.infer<typeof customerCreate>;
export type CustomerPatch = z.infer<typeof customerPatch>;

export const contactOut = z.object({
  id: z.string(), firstName: z.string().nullable(), lastName: z.string(), position: z.string().nullable(),
  mobile: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), isPrimary: z.boolean(), notes: z.string().nullable(),
});
export const addressOut = z.object({
  id: z.string(), title: z.string().nullable(), provinceId: z.number().nullable(), provinceName: z.string().nullable(),
  cityId: z.number().nullable(), cityName: z.string().nullable(), postalCode: z.string().nullable(), address: z.string(),
  phone: z.string().nullable(), isPrimary: z.boolean(),
});

export const customerOut = z.object({
  id: z.string(),
  code: z.string(),
  kind: customerKind,
  displayName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  nationalId: z.string().nullable(),
  legalId: z.string().nullable(),
  economicCode: z.string().nullable(),
  registrationNo: z.string().nullable(),
  organizationTypeId: z.string().nullable(),
  organizationTypeName: z.string().nullable(),
  birthDate: z.string().nullable(),
  weddingDate: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  sheba: z.string().nullable(),
  sourceId: z.string().nullable(),
  sourceName: z.string().nullable(),
  grade: z.string().nullable(),
  tags: z.array(z.string()),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  notes: z.string().nullable(),
  provinceId: z.number().nullable(),
  provinceName: z.string().nullable(),
  cityId: z.number().nullable(),
  cityName: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CustomerOut = z.infer<typeof customerOut>;

export const CUSTOMER_SORTS = ['-createdAt', 'createdAt', 'displayName', '-displayName', 'code', '-code', '-updatedAt'] as const;
const csvUuids = z.string().max(20000).optional();

/** The list's filters; the export takes the same ones. */
export const customerFilters = z.object({
  q: z.string().max(100).optional(),
  kind: customerKind.optional(),
  ownerId: z.uuid().optional(),
  noOwner: z.enum(['true', 'false']).optional(),
  provinceId: z.coerce.number().int().optional(),
  cityId: z.coerce.number().int().optional(),
  sourceId: z.uuid().optional(),
  tag: z.string().max(40).optional(),
  grade: z.string().max(20).optional(),
  createdFrom: zOptional(zJalaliDate('از تاریخ')),
  createdTo: zOptional(zJalaliDate('تا تاریخ')),
  sort: z.enum(CUSTOMER_SORTS).default('-createdAt'),
});
export const customerListQuery = customerFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  total: z.enum(['true', 'false']).optional(),
});
export const customerExportQuery = customerFilters.extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  ids: csvUuids,
  columns: z.string().max(2000).optional(),
});
export type CustomerFilters = z.infer<typeof customerFilters>;
export type CustomerListQuery = z.infer<typeof customerListQuery>;

export const bulkAssignBody = z.object({ ids: z.array(z.uuid()).min(1).max(10000), ownerId: z.uuid().nullable() });
