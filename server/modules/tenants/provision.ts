import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/types.js';
import { inSystem } from '../../platform/db/transactions.js';
import { tenants } from '../../platform/tenancy/tenants.table.js';
import { grants, roles, userRoles } from '../access/index.js';
import { users, staffSearchText } from '../staff/index.js';
import { createCompanySettings, seedLookupDefaults } from '../settings/index.js';
import '../customers/index.js';
import { seedProductDefaults } from '../products/index.js';
import { seedActivityDefaults } from '../activities/index.js';
import { hashPassword } from '../auth/password.js';
import { isStrongEnough, PASSWORD_RULE_FA } from '../auth/auth.errors.js';
import { DEFAULT_ROLES } from './default-roles.js';
import { ALL_PERMISSIONS } from '../../../common/permissions.js';

export type NewTenant = {
  slug: string;
  name: string;
  admin: { username: string; password: string; firstName: string; lastName: string; mobile?: string | null };
};

export class ProvisionError extends Error {}

/** Creates a company with its settings, default roles and first admin, all or nothing. */
export async function provisionTenant(db: Db, input: NewTenant): Promise<{ tenantId: string; adminId: string }> {
  const slug = input.slug.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(slug)) throw new ProvisionError('tenant slug: 2–41 lowercase letters, digits or dashes');
  if (!isStrongEnough(input.admin.password)) throw new ProvisionError(`admin password: ${PASSWORD_RULE_FA}`);
  const passwordHash = await hashPassword(input.admin.password);
  return inSystem(db, async (tx) => {
    const [exists] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
    if (exists) throw new ProvisionError(`a company with slug "${slug}" already exists`);
    // Its roles start with the whole catalog, so nothing is left for the startup catch-up to add.
    const [tenant] = await tx.insert(tenants).values({ slug, name: input.name, knownPermissions: [...ALL_PERMISSIONS] }).returning();
    const tenantId = tenant!.id;
    await createCompanySettings(tx, tenantId, input.name);
    await seedLookupDefaults(tx, tenantId);
    await seedProductDefaults(tx, tenantId);
    await seedActivityDefaults(tx, tenantId);
    const roleIds = await seedRoles(tx, tenantId);
    const a = input.admin;
    const [admin] = await tx
      .insert(users)
      .values({
        tenantId, username: a.username.toLowerCase(), firstName: a.firstName, lastName: a.lastName, mobile: a.mobile ?? null,
        passwordHash, isAdmin: true, searchText: staffSearchText({ ...a, username: a.username }),
      })
      .returning();
    await tx.insert(userRoles).values({ tenantId, userId: admin!.id, roleId: roleIds[0]! });
    return { tenantId, adminId: admin!.id };
  });
}

async function seedRoles(tx: Tx, tenantId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const r of DEFAULT_ROLES) {
    const [role] = await tx.insert(roles).values({ tenantId, name: r.name, description: r.description, isSystem: r.isSystem }).returning();
    ids.push(role!.id);
    await tx.insert(grants).values(r.grants.map(([permission, scope]) => ({ tenantId, principalType: 'role' as const, principalId: role!.id, permission, scope })));
  }
  return ids;
}

export async function tenantCount(db: Db): Promise<number> {
  return (await db.select({ id: tenants.id }).from(tenants)).length;
}
