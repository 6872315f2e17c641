import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { ownerScopeCondition } from '../access/index.js';
import { customers } from './customers.table.js';
import { selectCustomers } from './customers.repository.js';

export const DUPLICATE_FIELDS = ['nationalId', 'legalId', 'economicCode', 'mobile', 'email', 'code', 'name'] as const;
export type DuplicateField = (typeof DUPLICATE_FIELDS)[number];

const keyExpr: Record<Exclude<DuplicateField, 'name'>, SQL> = {
  nationalId: sql`${customers.nationalId}`,
  legalId: sql`${customers.legalId}`,
  economicCode: sql`${customers.economicCode}`,
  mobile: sql`${customers.mobile}`,
  email: sql`lower(${customers.email})`,
  code: sql`${customers.code}`,
};

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Groups of customers sharing a value (exact, after the normalization every value gets on the way in),
 * or with similar names (trigram similarity ≥ 0.6 on the name, stored normalized).
 */
export async function findDuplicates(ctx: Ctx, field: DuplicateField, limit: number) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const scope = await ownerScopeCondition(tx, ctx, 'customers.view', customers.ownerId);
    const base = and(eq(customers.tenantId, ctx.tenantId), scope);
    let groups: { key: string; ids: string[] }[];
    if (field === 'name') {
      await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.6', true)`);
      const pairs = rowsOf<{ a: string; b: string; name: string }>(await tx.execute(sql`
        select a.id as a, b.id as b, a.display_name as name
          from ${customers} a join ${customers} b
            on b.tenant_id = a.tenant_id and b.id > a.id and b.display_name % a.display_name
         where ${base ? sql`a.id in (select ${customers.id} from ${customers} where ${base})` : sql`true`}
         limit ${limit * 5}`));
      const byA = new Map<string, { key: string; ids: Set<string> }>();
      for (const p of pairs) {
        const g = byA.get(p.a) ?? { key: p.name, ids: new Set([p.a]) };
        g.ids.add(p.b);
        byA.set(p.a, g);
      }
      groups = [...byA.values()].slice(0, limit).map((g) => ({ key: g.key, ids: [...g.ids] }));
    } else {
      const k = keyExpr[field];
      groups = (await tx
        .select({ key: sql<string>`${k}`, ids: sql<string[]>`array_agg(${customers.id} order by ${customers.createdAt})` })
        .from(customers)
        .where(and(base, sql`${k} is not null and ${k} <> ''`))
        .groupBy(k)
        .having(sql`count(*) > 1`)
        .orderBy(sql`count(*) desc`, k)
        .limit(limit)) as { key: string; ids: string[] }[];
    }
    const ids = [...new Set(groups.flatMap((g) => g.ids))];
    const rows = ids.length ? (await selectCustomers(tx, inArray(customers.id, ids), { sort: 'createdAt', limit: ids.length })).items : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { groups: groups.map((g) => ({ key: g.key, customers: g.ids.map((id) => byId.get(id)).filter((c) => !!c) })) };
  });
}
