import { arrayContains, eq, not } from 'drizzle-orm';
import { ALL_PERMISSIONS, type Permission, type Scope } from '../../../common/permissions.js';
import type { Db, Tx } from '../../platform/db/types.js';
import { inSystem } from '../../platform/db/transactions.js';
import { tenants } from '../../platform/tenancy/tenants.table.js';
import { addRoleGrantsAsSystem, rolesOfTenant } from '../access/index.js';
import { DEFAULT_ROLES } from './default-roles.js';

export type CatchUp = { tenantId: string; added: Permission[]; grants: number };

/**
 * Brings every company's roles up to the current permission catalog: a permission released after the
 * company last caught up goes to its system role (scope all) and to each default role still under its
 * default name (that role's default scope). Permissions the company already knew are never touched, so
 * what an admin removed stays removed. Run at startup after migrations; a no-op costs one query.
 */
export async function catchUpPermissions(db: Db, opts: { now?: Date } = {}): Promise<CatchUp[]> {
  const behind = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(not(arrayContains(tenants.knownPermissions, ALL_PERMISSIONS)));
  const done: CatchUp[] = [];
  for (const { id } of behind) {
    const r = await inSystem(db, (tx) => catchUpTenant(tx, id, opts.now));
    if (r) done.push(r);
  }
  return done;
}

async function catchUpTenant(tx: Tx, tenantId: string, at: Date | undefined): Promise<CatchUp | null> {
  // The row lock makes a second server starting at the same moment wait here, then read the set this
  // transaction wrote and find nothing left to do.
  const [row] = await tx.select({ known: tenants.knownPermissions }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
  if (!row) return null;
  const known = new Set(row.known);
  const added = ALL_PERMISSIONS.filter((p) => !known.has(p));
  if (!added.length) return null;
  const isNew = new Set<string>(added);
  const roles = await rolesOfTenant(tx, tenantId);
  let grants = 0;
  for (const seed of DEFAULT_ROLES) {
    // The system role is found by its flag (admins may rename it but not delete it); the others only by
    // their default name, and the oldest of that name, because a renamed role is the admin's own now.
    const targets = seed.isSystem ? roles.filter((r) => r.isSystem) : roles.filter((r) => !r.isSystem && r.name === seed.name).slice(0, 1);
    const add = seed.grants.filter(([p]) => isNew.has(p)) as [string, Scope][];
    for (const role of targets) grants += await addRoleGrantsAsSystem(tx, tenantId, role.id, add, at);
  }
  // Union rather than the bare catalog: a permission a release dropped stays known, so going back to
  // an older release (and forward again) never hands it out a second time.
  const next = [...new Set([...row.known, ...ALL_PERMISSIONS])].sort();
  await tx.update(tenants).set({ knownPermissions: next }).where(eq(tenants.id, tenantId));
  return { tenantId, added, grants };
}
