import type { PermissionMap, Scope } from '../../common/permissions.js';
import type { Db } from './db/types.js';

/** Who is asking: a logged-in staff member or an API key, inside one tenant. */
export type Principal = {
  kind: 'user' | 'apiKey';
  tenantId: string;
  tenantName: string;
  userId: string | null;
  apiKeyId: string | null;
  unitId: string | null;
  isAdmin: boolean;
  permissions: PermissionMap;
  locale: 'fa' | 'en';
  sessionId: string | null;
  csrfToken: string | null;
  viaCookie: boolean;
};

/** What every service use case receives. No HTTP objects here. */
export type Ctx = {
  db: Db;
  principal: Principal;
  tenantId: string;
  userId: string | null;
  requestId: string;
  now: () => Date;
};

export const scopeOf = (p: Principal, permission: string): Scope | null =>
  p.isAdmin ? 'all' : ((p.permissions as Record<string, Scope>)[permission] ?? null);
