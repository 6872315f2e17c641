import { z } from 'zod';
import { SCOPES } from '../../../common/permissions.js';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  tenant: z.string().trim().max(60).optional(),
});

export const meUser = z.object({
  id: z.string(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  fullName: z.string(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  locale: z.enum(['fa', 'en']),
  unitId: z.string().nullable(),
  tenantId: z.string(),
  tenantName: z.string(),
  photoFileId: z.string().nullable(),
});

export const meResponse = z.object({
  user: meUser.nullable(),
  settings: z.object({ currencyDisplay: z.enum(['rial', 'toman']) }),
  apiKeyId: z.string().nullable(),
  permissions: z.record(z.string(), z.enum(SCOPES)),
  isAdmin: z.boolean(),
});

export const loginResponse = meResponse.extend({ token: z.string(), csrfToken: z.string() });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const preferencesBody = z.object({ locale: z.enum(['fa', 'en']) });
