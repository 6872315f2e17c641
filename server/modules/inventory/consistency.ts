// The cached balances must equal what the ledger and the reservations say. This recomputes on hand (and
// the second unit) from the sum of movements, reserved from active reservations, and checks that the
// last movement's balance_after is the cached on hand. Anything else is reported, never "fixed" silently.
import { sql } from 'drizzle-orm';
import type { ConsistencyOut } from '../../../common/contracts/inventory.contract.js';
import { qtyFromDb, qtyToString } from '../../../common/quantity.js';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';

type Raw = { warehouse_id: string; variant_id: string; product_id: string; on_hand: string; on_hand2: string; reserved: string; ledger: string; ledger2: string; active: string; last: string | null };

export async function checkTenantStock(tx: Tx, tenantId: string): Promise<ConsistencyOut> {
  const res = await tx.execute(sql`
    select k.warehouse_id, k.variant_id, max(k.product_id::text) as product_id,
      sum(k.on_hand)::text as on_hand, sum(k.on_hand2)::text as on_hand2, sum(k.reserved)::text as reserved,
      sum(k.lq)::text as ledger, sum(k.lq2)::text as ledger2, sum(k.rq)::text as active,
      (select m.balance_after::text from stock_movements m
        where m.tenant_id = ${tenantId} and m.variant_id = k.variant_id and m.warehouse_id = k.warehouse_id
        order by m.seq desc limit 1) as last
    from (
      select warehouse_id, variant_id, product_id, on_hand, on_hand2, reserved, 0::numeric lq, 0::numeric lq2, 0::numeric rq
        from stock_balances where tenant_id = ${tenantId}
      union all
      select warehouse_id, variant_id, product_id, 0, 0, 0, quantity, coalesce(quantity2, 0), 0
        from stock_movements where tenant_id = ${tenantId}
      union all
      select warehouse_id, variant_id, product_id, 0, 0, 0, 0, 0, quantity
        from stock_reservations where tenant_id = ${tenantId} and status = 'active'
    ) k
    group by k.warehouse_id, k.variant_id`);
  const rows = (res as unknown as { rows: Raw[] }).rows;
  const differences: ConsistencyOut['differences'] = [];
  for (const r of rows) {
    const [onHand, onHand2, reserved, ledger, ledger2, active] = [r.on_hand, r.on_hand2, r.reserved, r.ledger, r.ledger2, r.active].map(qtyFromDb) as bigint[];
    const last = r.last === null ? null : qtyFromDb(r.last);
    const bad = onHand !== ledger || onHand2 !== ledger2 || reserved !== active || (last !== null && last !== onHand);
    if (!bad) continue;
    differences.push({
      warehouseId: r.warehouse_id, variantId: r.variant_id, productId: r.product_id,
      cachedOnHand: qtyToString(onHand!), ledgerOnHand: qtyToString(ledger!), cachedOnHand2: qtyToString(onHand2!), ledgerOnHand2: qtyToString(ledger2!),
      cachedReserved: qtyToString(reserved!), activeReserved: qtyToString(active!), lastBalanceAfter: last === null ? null : qtyToString(last),
    });
  }
  return { ok: differences.length === 0, checked: rows.length, differences };
}

/** For administrators: stock.view over all records, or settings.view. */
export async function stockConsistency(ctx: Ctx) {
  if (scopeOf(ctx.principal, 'stock.view') !== 'all' && !scopeOf(ctx.principal, 'settings.view')) throw new AppError('forbidden');
  return inTenant(ctx.db, ctx, (tx) => checkTenantStock(tx, ctx.tenantId));
}

/** Every company's check (the CLI). */
export async function checkAllTenants(db: Db) {
  const res = await db.execute(sql`select id, slug from tenants order by slug`);
  const tenants = (res as unknown as { rows: { id: string; slug: string }[] }).rows;
  const out: { tenantId: string; slug: string; result: ConsistencyOut }[] = [];
  for (const t of tenants) out.push({ tenantId: t.id, slug: t.slug, result: await inTenant(db, { tenantId: t.id }, (tx) => checkTenantStock(tx, t.id)) });
  return out;
}
