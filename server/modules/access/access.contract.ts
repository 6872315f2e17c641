import { z } from 'zod';
import { SCOPES } from '../../../common/permissions.js';
import { zPersianText } from '../../../common/validators/zod.js';

export const scopeEnum = z.enum(SCOPES);
export const grant = z.object({ permission: z.string().min(3).max(80), scope: scopeEnum });
export const grantsBody = z.object({ grants: z.array(grant).max(500) });
export const principalBody = z.object({
  name: zPersianText({ min: 1, max: 80, label: 'نام' }),
  description: z.string().max(300).optional(),
  memberIds: z.array(z.uuid()).max(5000).optional(),
});
export const principalPatch = principalBody.partial();
export const principalOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  isSystem: z.boolean(),
  memberCount: z.number(),
  memberIds: z.array(z.string()).optional(),
  members: z.array(z.object({ id: z.string(), fullName: z.string() })).optional(),
});
const label = z.object({ fa: z.string(), en: z.string() });
export const catalogOut = z.object({
  modules: z.array(z.object({ key: z.string(), label, operations: z.array(z.object({ key: z.string(), label })) })),
  scopes: z.array(z.object({ key: scopeEnum, label })),
});
export const permissionChangeOut = z.object({
  id: z.number(),
  at: z.date(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  principalType: z.enum(['role', 'group', 'user']),
  principalId: z.string(),
  principalName: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Names of the people in a group's member lists (before and after), by id, for display. */
  memberNames: z.record(z.string(), z.string()),
});
