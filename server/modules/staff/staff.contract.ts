import { z } from 'zod';
import { zMobile, zPersianText } from '../../../common/validators/zod.js';
import { toLatinDigits } from '../../../common/text.js';

const username = z.preprocess(
  (v) => (typeof v === 'string' ? toLatinDigits(v).trim().toLowerCase() : v),
  z.string().min(3, 'نام کاربری باید دست‌کم ۳ نویسه باشد').max(50, 'نام کاربری حداکثر ۵۰ نویسه است')
    .regex(/^[a-z0-9._-]+$/, 'نام کاربری فقط حروف انگلیسی، عدد و . _ - می‌تواند داشته باشد'),
);

export const staffBase = z.object({
  username,
  firstName: zPersianText({ label: 'نام', max: 60 }),
  lastName: zPersianText({ label: 'نام خانوادگی', max: 80 }),
  mobile: zMobile().nullable().optional(),
  email: z.preprocess((v) => (v === '' ? null : v), z.email('نشانی ایمیل معتبر نیست').max(120).nullable().optional()),
  personnelCode: z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).trim() || null : v), z.string().max(30).nullable().optional()),
  jobPositionId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  roleIds: z.array(z.uuid()).max(50).optional(),
  groupIds: z.array(z.uuid()).max(100).optional(),
});
export const staffCreate = staffBase.extend({ password: z.string().min(1, 'رمز عبور الزامی است').max(200) });
export const staffPatch = staffBase.partial();

export const staffOut = z.object({
  id: z.string(),
  personnelCode: z.string().nullable(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  jobPositionId: z.string().nullable(),
  jobPositionName: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  active: z.boolean(),
  isAdmin: z.boolean(),
  photoFileId: z.string().nullable(),
  signatureFileId: z.string().nullable(),
  roleIds: z.array(z.string()),
  groupIds: z.array(z.string()),
  createdAt: z.date(),
});
export type StaffOut = z.infer<typeof staffOut>;

export const STAFF_SORTS = ['createdAt', '-createdAt', 'lastName', '-lastName', 'personnelCode', '-personnelCode'] as const;
export const staffListQuery = z.object({
  q: z.string().max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
  unitId: z.uuid().optional(),
  sort: z.enum(STAFF_SORTS).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  total: z.enum(['true', 'false']).optional(),
});
export type StaffListQuery = z.infer<typeof staffListQuery>;
export const staffExportQuery = staffListQuery.omit({ limit: true, cursor: true, total: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  ids: z.string().max(20000).optional(),
});
