// The job runs as the import's creator, with their permissions and record scope as they are NOW (a
// user whose access was taken away meanwhile cannot keep importing).
// The grant aggregation is the same SQL as auth's findSession (principal.repository.ts), which is not
// exported from the auth module; TODO(auth owner): export a `principalForUser` there and use it here.
import { sql } from 'drizzle-orm';
import { widerScope, type PermissionMap, type Scope } from '../../../../common/permissions.js';
import type { Ctx, Principal } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';

type Row = { tenant_name: string; tenant_active: boolean; active: boolean; is_admin: boolean; unit_id: string | null; locale: string; grants: [string, Scope][] | string | null };

export async function principalForUser(db: Db, tenantId: string, userId: string): Promise<Principal | null> {
  const res = await db.execute(sql`
    select t.name as tenant_name, t.active as tenant_active, u.active, u.is_admin, u.unit_id, u.locale,
      (select coalesce(json_agg(json_build_array(g.permission, g.scope)), '[]'::json) from grants g
        where g.tenant_id = u.tenant_id and (
          (g.principal_type = 'role' and g.principal_id in (select ur.role_id from user_roles ur where ur.tenant_id = u.tenant_id and ur.user_id = u.id))
          or (g.principal_type = 'group' and g.principal_id in (select gm.group_id from group_members gm where gm.tenant_id = u.tenant_id and gm.user_id = u.id)))) as grants
      from users u join tenants t on t.id = u.tenant_id
     where u.id = ${userId} and u.tenant_id = ${tenantId}`);
  const row = (res as unknown as { rows: Row[] }).rows[0];
  if (!row || !row.active || !row.tenant_active) return null;
  const list: [string, Scope][] = typeof row.grants === 'string' ? JSON.parse(row.grants) : (row.grants ?? []);
  const permissions: Record<string, Scope> = {};
  for (const [permission, scope] of list) permissions[permission] = widerScope(permissions[permission], scope);
  return {
    kind: 'user', tenantId, tenantName: row.tenant_name, userId, apiKeyId: null, unitId: row.unit_id, isAdmin: row.is_admin,
    permissions: permissions as PermissionMap, locale: row.locale === 'en' ? 'en' : 'fa', sessionId: null, csrfToken: null, viaCookie: false,
  };
}

/** A service context for background work on behalf of `userId`, or null when they can no longer act. */
export async function ctxForUser(db: Db, tenantId: string, userId: string, now: () => Date, requestId: string): Promise<Ctx | null> {
  const principal = await principalForUser(db, tenantId, userId);
  return principal ? { db, principal, tenantId, userId, requestId, now } : null;
}
