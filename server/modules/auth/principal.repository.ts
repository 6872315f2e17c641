import { sql } from 'drizzle-orm';
import type { PermissionMap, Scope } from '../../../common/permissions.js';
import { widerScope } from '../../../common/permissions.js';
import type { Executor } from '../../platform/db/types.js';
import type { Principal } from '../../platform/context.js';

export type SessionRow = {
  tenant_id: string;
  tenant_name: string;
  tenant_active: boolean;
  user_id: string;
  csrf_token: string;
  expires_at: Date | string;
  active: boolean;
  is_admin: boolean;
  locale: string;
  unit_id: string | null;
  username: string;
  first_name: string;
  last_name: string;
  mobile: string | null;
  email: string | null;
  photo_file_id: string | null;
  grants: [string, Scope][] | string | null;
  currency_display: string | null;
};

const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows;

/** The user's grants through their roles and groups, widest scope per permission. */
export function mergeGrants(grants: SessionRow['grants']): PermissionMap {
  const list: [string, Scope][] = typeof grants === 'string' ? JSON.parse(grants) : (grants ?? []);
  const map: Record<string, Scope> = {};
  for (const [permission, scope] of list) map[permission] = widerScope(map[permission], scope);
  return map as PermissionMap;
}

const USER_GRANTS = sql`
  (select coalesce(json_agg(json_build_array(g.permission, g.scope)), '[]'::json) from grants g
    where g.tenant_id = u.tenant_id and (
      (g.principal_type = 'role' and g.principal_id in (select ur.role_id from user_roles ur where ur.tenant_id = u.tenant_id and ur.user_id = u.id))
      or (g.principal_type = 'group' and g.principal_id in (select gm.group_id from group_members gm where gm.tenant_id = u.tenant_id and gm.user_id = u.id))))`;

/**
 * One round trip resolves a session token to the user, the tenant and the effective permissions.
 * Runs as the platform (the tenant is not known until the session is found). The query lives in the
 * `auth_find_session` function (migration 0007) so its plan is cached per connection.
 */
export async function findSession(db: Executor, sessionId: string): Promise<SessionRow | null> {
  const res = await db.execute(sql`select auth_find_session(${sessionId}) as s`);
  const s = rowsOf<{ s: SessionRow | string | null }>(res)[0]?.s ?? null;
  return typeof s === 'string' ? (JSON.parse(s) as SessionRow) : s;
}

export type ApiKeyRow = {
  id: string;
  tenant_id: string;
  tenant_name: string;
  tenant_active: boolean;
  permissions: Record<string, Scope> | string;
  revoked_at: Date | string | null;
};

export async function findApiKey(db: Executor, keyHash: string): Promise<ApiKeyRow | null> {
  const res = await db.execute(sql`
    select k.id, k.tenant_id, t.name as tenant_name, t.active as tenant_active, k.permissions, k.revoked_at
      from api_keys k join tenants t on t.id = k.tenant_id where k.key_hash = ${keyHash}`);
  return rowsOf<ApiKeyRow>(res)[0] ?? null;
}

export type LoginCandidate = { id: string; tenant_id: string; password_hash: string; active: boolean; tenant_active: boolean };

/** Users matching a username or mobile across tenants (login happens before a tenant is chosen). */
export async function findLoginCandidates(db: Executor, login: string, mobile: string | null, tenantSlug: string | null) {
  const res = await db.execute(sql`
    select u.id, u.tenant_id, u.password_hash, u.active, t.active as tenant_active
      from users u join tenants t on t.id = u.tenant_id
     where (lower(u.username) = lower(${login}) or (${mobile}::text is not null and u.mobile = ${mobile}))
       and (${tenantSlug}::text is null or t.slug = ${tenantSlug})
     limit 5`);
  return rowsOf<LoginCandidate>(res);
}

type UserPrincipalRow = Pick<SessionRow, 'tenant_name' | 'tenant_active' | 'active' | 'is_admin' | 'unit_id' | 'locale' | 'grants'>;

/** The principal of a user acting without a session (background jobs on their behalf), or null when they cannot act. */
export async function principalForUser(db: Executor, tenantId: string, userId: string): Promise<Principal | null> {
  const res = await db.execute(sql`
    select t.name as tenant_name, t.active as tenant_active, u.active, u.is_admin, u.unit_id, u.locale, ${USER_GRANTS} as grants
      from users u join tenants t on t.id = u.tenant_id
     where u.id = ${userId} and u.tenant_id = ${tenantId}`);
  const row = rowsOf<UserPrincipalRow>(res)[0];
  if (!row || !row.active || !row.tenant_active) return null;
  return {
    kind: 'user', tenantId, tenantName: row.tenant_name, userId, apiKeyId: null, unitId: row.unit_id, isAdmin: row.is_admin,
    permissions: mergeGrants(row.grants), locale: row.locale === 'en' ? 'en' : 'fa', sessionId: null, csrfToken: null, viaCookie: false,
  };
}
