import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test-support/test-database.js';
import { inTenant } from '../db/transactions.js';
import { provisionTenant } from '../../modules/tenants/index.js';
import type { Database } from '../db/open-database.js';

let database: Database & { drop(): Promise<void> };
let a: string;
let b: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const admin = { username: 'admin', password: 'Admin-pass-1', firstName: 'م', lastName: 'س' };
  a = (await provisionTenant(database.db, { slug: 'alpha', name: 'آلفا', admin })).tenantId;
  b = (await provisionTenant(database.db, { slug: 'beta', name: 'بتا', admin })).tenantId;
});
afterAll(async () => { await database?.drop(); });

const rows = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

describe(`row-level security (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs requests as the non-superuser app_user', async () => {
    const r = await inTenant(database.db, { tenantId: a }, (tx) => tx.execute(sql`select current_user as u, (select rolbypassrls from pg_roles where rolname = current_user) as bypass`));
    expect(rows(r)[0]).toMatchObject({ u: 'app_user', bypass: false });
  });

  it('a query that forgets its tenant filter still sees only its own tenant', async () => {
    const seenByA = rows(await inTenant(database.db, { tenantId: a }, (tx) => tx.execute(sql`select distinct tenant_id from users`)));
    expect(seenByA.map((r) => r.tenant_id)).toEqual([a]);
    const roles = rows(await inTenant(database.db, { tenantId: b }, (tx) => tx.execute(sql`select distinct tenant_id from roles`)));
    expect(roles.map((r) => r.tenant_id)).toEqual([b]);
    const all = rows(await database.db.execute(sql`select count(distinct tenant_id)::int as n from users`));
    expect(all[0]!.n).toBe(2);
  });

  it('cannot write a row into another tenant, nor change another tenant\'s rows', async () => {
    await expect(inTenant(database.db, { tenantId: a }, (tx) => tx.execute(sql`insert into job_positions (tenant_id, name) values (${b}, 'نفوذی')`))).rejects.toThrow();
    const updated = await inTenant(database.db, { tenantId: a }, (tx) => tx.execute(sql`update users set first_name = 'x' where tenant_id = ${b} returning id`));
    expect(rows(updated)).toHaveLength(0);
  });

  it('an unset tenant sees nothing', async () => {
    const r = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role app_user`);
      return tx.execute(sql`select count(*)::int as n from users`);
    });
    expect(rows(r)[0]!.n).toBe(0);
  });
});
