import { and, eq, sql } from 'drizzle-orm';
import { qtyFromDb, qtyToString, type Qty } from '../../../common/quantity.js';
import type { Tx } from '../../platform/db/types.js';
import { balanceKey, compareKeys, type AppliedMovement, type BalanceFigures } from './domain/posting.js';
import { stockBalances, stockMovements, type StockDocumentKind } from './inventory.table.js';

export type BalanceSlot = { warehouseId: string; variantId: string; productId: string };

/**
 * Locks the balance rows of these (warehouse, variant) pairs for the rest of the transaction, creating
 * missing ones. Always in (warehouse, variant) order, so two documents touching the same rows
 * queue behind each other instead of deadlocking. FOR UPDATE re-reads the latest committed figures; the rare
 * deadlock around a row created concurrently is retried by `inTenant`.
 */
export async function lockBalances(tx: Tx, tenantId: string, slots: BalanceSlot[]): Promise<Map<string, BalanceFigures>> {
  const unique = new Map<string, BalanceSlot>();
  for (const s of slots) unique.set(balanceKey(s.warehouseId, s.variantId), s);
  const sorted = [...unique.values()].sort(compareKeys);
  const out = new Map<string, BalanceFigures>();
  if (!sorted.length) return out;
  const select = async () => {
    // The pairs as ONE JSON parameter: a row-value IN list of a few hundred pairs came back short on PGlite
    // (a 500-line receipt found some of its balance rows unlocked), and one parameter plans the same everywhere.
    const pairs = JSON.stringify(sorted.map((s) => ({ w: s.warehouseId, v: s.variantId })));
    const rows = await tx.execute(sql`
      select b.warehouse_id, b.variant_id, b.on_hand::text as on_hand, b.on_hand2::text as on_hand2, b.reserved::text as reserved
      from ${stockBalances} b
      join json_to_recordset(${pairs}::json) as x(w uuid, v uuid) on b.warehouse_id = x.w and b.variant_id = x.v
      where b.tenant_id = ${tenantId}
      order by b.warehouse_id, b.variant_id
      for update of b`);
    for (const r of (rows as unknown as { rows: { warehouse_id: string; variant_id: string; on_hand: string; on_hand2: string; reserved: string }[] }).rows) {
      out.set(balanceKey(r.warehouse_id, r.variant_id), { onHand: qtyFromDb(r.on_hand), onHand2: qtyFromDb(r.on_hand2), reserved: qtyFromDb(r.reserved) });
    }
  };
  // Most pairs already have a balance row: lock first, and create only the missing ones (then lock those too).
  await select();
  const missing = sorted.filter((s) => !out.has(balanceKey(s.warehouseId, s.variantId)));
  if (missing.length) {
    await tx
      .insert(stockBalances)
      .values(missing.map((s) => ({ tenantId, warehouseId: s.warehouseId, variantId: s.variantId, productId: s.productId })))
      .onConflictDoNothing();
    await select();
  }
  return out;
}

/** Writes the new figures of locked balances that changed, in one statement however many there are. */
export async function writeBalances(tx: Tx, tenantId: string, before: Map<string, BalanceFigures>, after: Map<string, BalanceFigures>, now: Date) {
  const changed: { w: string; v: string; h: string; h2: string; r: string }[] = [];
  for (const [k, b] of after) {
    const was = before.get(k);
    if (was && was.onHand === b.onHand && was.onHand2 === b.onHand2 && was.reserved === b.reserved) continue;
    const [w = '', v = ''] = k.split('|');
    changed.push({ w, v, h: qtyToString(b.onHand), h2: qtyToString(b.onHand2), r: qtyToString(b.reserved) });
  }
  if (!changed.length) return;
  await tx.execute(sql`
    update ${stockBalances} b
       set on_hand = x.h, on_hand2 = x.h2, reserved = x.r, updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(changed)}::json) as x(w uuid, v uuid, h numeric, h2 numeric, r numeric)
     where b.tenant_id = ${tenantId} and b.warehouse_id = x.w and b.variant_id = x.v`);
}

/** Appends movements to the ledger in the order given (their seq follows that order). */
export async function insertMovements(
  tx: Tx,
  tenantId: string,
  doc: { id: string; kind: StockDocumentKind; docDate: string },
  applied: AppliedMovement[],
  now: Date,
) {
  if (!applied.length) return;
  await tx.insert(stockMovements).values(
    applied.map((m) => ({
      tenantId, warehouseId: m.warehouseId, productId: m.productId, variantId: m.variantId,
      quantity: qtyToString(m.quantity), quantity2: m.quantity2 === null ? null : qtyToString(m.quantity2),
      balanceAfter: qtyToString(m.balanceAfter), documentId: doc.id, lineId: m.lineId, kind: doc.kind, docDate: doc.docDate, createdAt: now,
    })),
  );
}

/** The movements a document wrote, in order (to reverse them exactly). */
export async function movementsOf(tx: Tx, tenantId: string, documentId: string) {
  const rows = await tx
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.tenantId, tenantId), eq(stockMovements.documentId, documentId)))
    .orderBy(stockMovements.seq);
  return rows.map((r) => ({
    warehouseId: r.warehouseId, variantId: r.variantId, productId: r.productId, lineId: r.lineId, lineIndex: 0,
    quantity: qtyFromDb(r.quantity), quantity2: r.quantity2 === null ? null : qtyFromDb(r.quantity2) as Qty | null,
  }));
}
