import { and, asc, eq } from 'drizzle-orm';
import type { Scope } from '../../../common/permissions.js';
import type { Tx } from '../../platform/db/types.js';
import { grants, permissionChanges, roles } from './access.table.js';

export type RoleSummary = { id: string; name: string; isSystem: boolean };

/** A company's roles, oldest first (so the one provisioning created wins over a later namesake). */
export async function rolesOfTenant(tx: Tx, tenantId: string): Promise<RoleSummary[]> {
  return tx
    .select({ id: roles.id, name: roles.name, isSystem: roles.isSystem })
    .from(roles)
    .where(eq(roles.tenantId, tenantId))
    .orderBy(asc(roles.createdAt), asc(roles.id));
}

const roleGrants = (tx: Tx, tenantId: string, roleId: string) =>
  tx
    .select({ permission: grants.permission, scope: grants.scope })
    .from(grants)
    .where(and(eq(grants.tenantId, tenantId), eq(grants.principalType, 'role'), eq(grants.principalId, roleId)))
    .orderBy(asc(grants.permission));

/**
 * Adds grants to a role on behalf of the system (no actor), for upgrades rather than an admin's edit.
 * A permission the role already has keeps its scope: an admin may have granted it by hand already.
 * The change goes to the permission history in the same shape as a manual edit. Returns how many were added.
 */
export async function addRoleGrantsAsSystem(tx: Tx, tenantId: string, roleId: string, add: [string, Scope][], at?: Date): Promise<number> {
  if (!add.length) return 0;
  const before = await roleGrants(tx, tenantId, roleId);
  const inserted = await tx
    .insert(grants)
    .values(add.map(([permission, scope]) => ({ tenantId, principalType: 'role' as const, principalId: roleId, permission, scope })))
    .onConflictDoNothing()
    .returning({ permission: grants.permission });
  if (!inserted.length) return 0;
  const after = await roleGrants(tx, tenantId, roleId);
  await tx.insert(permissionChanges).values({
    tenantId, actorId: null, principalType: 'role', principalId: roleId, before: { grants: before }, after: { grants: after }, ...(at ? { at } : {}),
  });
  return inserted.length;
}
