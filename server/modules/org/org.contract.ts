import { z } from 'zod';
import { zPersianText } from '../../../common/validators/zod.js';

export const unitKind = z.enum(['branch', 'department']);
export const unitBody = z.object({
  name: zPersianText({ min: 1, max: 100, label: 'نام واحد' }),
  kind: unitKind.default('department'),
  parentId: z.uuid().nullable().optional(),
  managerId: z.uuid().nullable().optional(),
});
export const unitPatch = unitBody.partial();
export const unitOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: unitKind,
  managerId: z.string().nullable(),
  staffCount: z.number(),
});
export const jobPositionBody = z.object({ name: zPersianText({ min: 1, max: 100, label: 'عنوان سمت' }) });
export const jobPositionOut = z.object({ id: z.string(), name: z.string() });
