// A company created before a release added permissions: after the catch-up its system and default roles
// have them (default scopes), renamed and custom roles do not, and what the admin removed stays removed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { ALL_PERMISSIONS } from '../../../../common/permissions.js';
import { createTestApp, bearer, type TestApp } from '../../../test-support/test-app.js';
import { openSecondConnection } from '../../../test-support/test-database.js';
import { migrationsFolder } from '../../../platform/db/migrate.js';
import type { Db } from '../../../platform/db/types.js';
import { grants, permissionChanges, roles, tenants } from '../../../platform/db/schema.js';
import { DEFAULT_ROLES } from '../default-roles.js';
import { catchUpPermissions, provisionTenant } from '../index.js';

// What "the next release" brings in this simulation: whole modules and a few exports.
const NEW = ALL_PERMISSIONS.filter((p) => /^(activities|notes|posts|sms|reminders|announcements)\./.test(p) || ['staff.export', 'priceLists.export'].includes(p));
const SYSTEM = 'مدیر سیستم';
const SALES_MANAGER = 'مدیر فروش';
const SUPERVISOR = 'سرپرست';
const SALES_REP = 'کارشناس فروش';
const STOREKEEPER = 'انباردار';

let t: TestApp;
let db: Db;
let roleId: Record<string, string>;

const grantsOf = async (id: string) =>
  Object.fromEntries((await db.select().from(grants).where(eq(grants.principalId, id)).orderBy(asc(grants.permission))).map((g) => [g.permission, g.scope]));
const knownOf = async (tenantId: string) => (await db.select({ k: tenants.knownPermissions }).from(tenants).where(eq(tenants.id, tenantId)))[0]!.k;
const systemChanges = (tenantId: string) =>
  db.select().from(permissionChanges).where(and(eq(permissionChanges.tenantId, tenantId), isNull(permissionChanges.actorId))).orderBy(asc(permissionChanges.id));
const put = async (id: string, g: Record<string, string>) => {
  const res = await t.app.inject({ method: 'PUT', url: `/api/roles/${id}/permissions`, headers: bearer(t.adminToken), payload: { grants: Object.entries(g).map(([permission, scope]) => ({ permission, scope })) } });
  expect(res.statusCode).toBe(200);
};
const defaultScope = (role: string, p: string) => DEFAULT_ROLES.find((r) => r.name === role)!.grants.find(([q]) => q === p)?.[1];

/** The company as an older release left it: provisioned without NEW, its known set not yet recorded. */
async function makeOld(tenantId: string) {
  await db.delete(grants).where(and(eq(grants.tenantId, tenantId), inArray(grants.permission, NEW)));
  await db.update(tenants).set({ knownPermissions: [] }).where(eq(tenants.id, tenantId));
}

/** The hand-written backfill of migration 0014, as it runs on a database upgraded to this release. */
async function runBackfill() {
  const file = readFileSync(`${migrationsFolder}/0014_permission-catalog.sql`, 'utf8');
  const update = file.split('--> statement-breakpoint').find((s) => s.includes('UPDATE "tenants"'))!;
  await db.execute(sql.raw(update));
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.db;
  const rows = await db.select().from(roles).where(eq(roles.tenantId, t.tenantId));
  roleId = Object.fromEntries(rows.map((r) => [r.name, r.id]));
});
afterAll(async () => { await t?.close(); });

describe('permission catch-up for a company from an older release', () => {
  let otherTenant: string;

  beforeAll(async () => {
    otherTenant = (await provisionTenant(db, { slug: 'beta', name: 'شرکت بتا', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'ب' } })).tenantId;
    await makeOld(t.tenantId);
    // What its admin did under the old release: took customers.delete away from the system role and
    // customers.edit from the sales rep, renamed the supervisor role, made a role of their own…
    const { ['customers.delete']: _gone, ...systemKeeps } = await grantsOf(roleId[SYSTEM]!);
    await put(roleId[SYSTEM]!, systemKeeps);
    const { ['customers.edit']: _edit, ...repKeeps } = await grantsOf(roleId[SALES_REP]!);
    // …and, once activities shipped without a catch-up, granted one by hand with a wider scope.
    await put(roleId[SALES_REP]!, { ...repKeeps, 'activities.view': 'all' });
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/roles/${roleId[SUPERVISOR]}`, headers: bearer(t.adminToken), payload: { name: 'سرپرست ارشد' } });
    expect(renamed.statusCode).toBe(200);
    const custom = await t.app.inject({ method: 'POST', url: '/api/roles', headers: bearer(t.adminToken), payload: { name: 'بازاریاب' } });
    roleId.custom = custom.json().id;
    await put(roleId.custom!, { 'customers.view': 'own' });
    await runBackfill();
  });

  it('the migration backfill knows what the system role held, including what the admin took from it', async () => {
    const known = await knownOf(t.tenantId);
    expect(known).toContain('customers.delete');
    expect(known).toContain('roles.edit');
    for (const p of NEW) expect(known).not.toContain(p);
    expect(new Set(known)).toEqual(new Set(ALL_PERMISSIONS.filter((p) => !NEW.includes(p))));
    // A company provisioned by this release knows the whole catalog, before and after the backfill's
    // recomputation (its system role holds all of it).
    expect(new Set(await knownOf(otherTenant))).toEqual(new Set(ALL_PERMISSIONS));
  });

  it('grants the new permissions to the system role (all) and the default roles (their default scopes)', async () => {
    const repBefore = await grantsOf(roleId[SALES_REP]!);
    const storeBefore = await grantsOf(roleId[STOREKEEPER]!);
    const supervisorBefore = await grantsOf(roleId[SUPERVISOR]!);
    const customBefore = await grantsOf(roleId.custom!);

    const result = await catchUpPermissions(db);
    expect(result.map((r) => r.tenantId)).toEqual([t.tenantId]);
    expect(new Set(result[0]!.added)).toEqual(new Set(NEW));

    const system = await grantsOf(roleId[SYSTEM]!);
    for (const p of NEW) expect(system[p]).toBe('all');
    expect(system['customers.delete']).toBeUndefined();

    const manager = await grantsOf(roleId[SALES_MANAGER]!);
    for (const p of NEW) expect(manager[p]).toBe(defaultScope(SALES_MANAGER, p));
    expect(manager['activities.export']).toBe('subunits');

    const rep = await grantsOf(roleId[SALES_REP]!);
    expect(rep['activities.view']).toBe('all');
    expect(rep['activities.create']).toBe('own');
    expect(rep['sms.send']).toBe('own');
    expect(rep['activities.export']).toBeUndefined();
    expect(rep['customers.edit']).toBeUndefined();
    expect(Object.keys(rep).filter((p) => !(p in repBefore)).sort()).toEqual(
      NEW.filter((p) => defaultScope(SALES_REP, p) && p !== 'activities.view').sort(),
    );

    expect(await grantsOf(roleId[STOREKEEPER]!)).toEqual(storeBefore);
    expect(await grantsOf(roleId[SUPERVISOR]!)).toEqual(supervisorBefore);
    expect(await grantsOf(roleId.custom!)).toEqual(customBefore);
    expect(new Set(await knownOf(t.tenantId))).toEqual(new Set(ALL_PERMISSIONS));
  });

  it('records each changed role in the permission history as done by the system', async () => {
    const changes = await systemChanges(t.tenantId);
    expect(changes.map((c) => c.principalId).sort()).toEqual([roleId[SYSTEM], roleId[SALES_MANAGER], roleId[SALES_REP]].sort());
    const sys = changes.find((c) => c.principalId === roleId[SYSTEM])!;
    const before = (sys.before as { grants: { permission: string }[] }).grants.map((g) => g.permission);
    const after = (sys.after as { grants: { permission: string; scope: string }[] }).grants;
    expect(before).not.toContain('activities.view');
    expect(after).toContainEqual({ permission: 'activities.view', scope: 'all' });
    expect(after.map((g) => g.permission)).not.toContain('customers.delete');

    const res = await t.app.inject({ method: 'GET', url: '/api/permission-changes', headers: bearer(t.adminToken) });
    const items = res.json().items as { actor: unknown; principalId: string; principalName: string }[];
    expect(items.filter((i) => i.actor === null).map((i) => i.principalName).sort()).toEqual([SYSTEM, SALES_MANAGER, SALES_REP].sort());
  });

  it('a second run changes nothing', async () => {
    const snapshot = await db.select().from(grants).where(eq(grants.tenantId, t.tenantId)).orderBy(asc(grants.principalId), asc(grants.permission));
    const history = (await db.select().from(permissionChanges)).length;
    expect(await catchUpPermissions(db)).toEqual([]);
    expect(await db.select().from(grants).where(eq(grants.tenantId, t.tenantId)).orderBy(asc(grants.principalId), asc(grants.permission))).toEqual(snapshot);
    expect((await db.select().from(permissionChanges)).length).toBe(history);
  });

  it('leaves an up-to-date company alone', async () => {
    expect(await systemChanges(otherTenant)).toEqual([]);
  });
});

it('two servers starting at once grant each permission once', async () => {
  const { tenantId } = await provisionTenant(db, { slug: 'gamma', name: 'شرکت گاما', admin: { username: 'admin', password: 'Admin-pass-123', firstName: 'م', lastName: 'گ' } });
  await makeOld(tenantId);
  await db.update(tenants).set({ knownPermissions: ALL_PERMISSIONS.filter((p) => !NEW.includes(p)) }).where(eq(tenants.id, tenantId));
  const second = t.app.database.kind === 'postgres' ? await openSecondConnection(t.app.database) : null;
  try {
    const [a, b] = await Promise.all([catchUpPermissions(db), catchUpPermissions(second?.db ?? db)]);
    expect([...a, ...b].map((r) => r.tenantId)).toEqual([tenantId]);
  } finally {
    await second?.close();
  }
  const changes = await systemChanges(tenantId);
  // The system role, the sales manager, the supervisor and the sales rep; the storekeeper gets none of NEW.
  expect(changes).toHaveLength(4);
  const rows = await db.select().from(roles).where(and(eq(roles.tenantId, tenantId), eq(roles.name, SYSTEM)));
  const system = await grantsOf(rows[0]!.id);
  for (const p of NEW) expect(system[p]).toBe('all');
});
