// Confirming a document: lock the balances it touches (stable order), plan its movements, refuse an
// oversell, append the movements with their running balance and update the cached balances — all in
// the caller's transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { FieldError } from '../../../common/errors.js';
import type { Qty } from '../../../common/quantity.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { loadStockItems, type StockItem } from '../products/index.js';
import { insertMovements, lockBalances, movementsOf, writeBalances, type BalanceSlot } from './balances.repository.js';
import { applyMovements, balanceKey, planMovements, reverseMovements, type PlannedMovement, type PostingLine } from './domain/posting.js';
import { stockDocuments, warehouses } from './inventory.table.js';
import { shortageMessage, throwFieldErrors } from './stock-lines.js';

type DocRow = typeof stockDocuments.$inferSelect;

async function warehouseFacts(tx: Tx, tenantId: string, ids: string[]) {
  const rows = await tx.select({ id: warehouses.id, name: warehouses.name, allowNegativeStock: warehouses.allowNegativeStock })
    .from(warehouses).where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

export type PostOptions = {
  /** Reserved stock this command consumes: it stops counting as reserved in the same step. */
  released?: Map<string, Qty>;
  /** Where a refusal points: line paths (`lines.0.quantity`) or one field (`quantity`). */
  errorPath?: (lineIndex: number) => string;
};

/** Posts a document's lines (confirm). Returns the number of movements written. */
export async function postDocument(tx: Tx, ctx: Ctx, doc: DocRow, lines: (PostingLine & { item?: StockItem })[], opts: PostOptions = {}) {
  const slots: BalanceSlot[] = [];
  const whs = doc.kind === 'transfer' && doc.toWarehouseId ? [doc.warehouseId, doc.toWarehouseId] : [doc.warehouseId];
  if (doc.kind !== 'exit_permit') for (const w of whs) for (const l of lines) slots.push({ warehouseId: w, variantId: l.variantId, productId: l.productId });
  for (const k of opts.released?.keys() ?? []) {
    const [warehouseId = '', variantId = ''] = k.split('|');
    const l = lines.find((x) => x.variantId === variantId);
    if (l) slots.push({ warehouseId, variantId, productId: l.productId });
  }
  const before = await lockBalances(tx, ctx.tenantId, slots);
  const zero = { onHand: 0n, onHand2: 0n, reserved: 0n };
  const planned = planMovements(doc, lines, (w, v) => before.get(balanceKey(w, v)) ?? zero);
  await apply(tx, ctx, doc, planned, before, opts);
  return planned.length;
}

/** Posts the exact opposite of another document's movements (a reversing document). */
export async function postReversal(tx: Tx, ctx: Ctx, reversal: DocRow, originalId: string, lineIndexOf: (lineId: string | null) => number) {
  const original = (await movementsOf(tx, ctx.tenantId, originalId)).map((m) => ({ ...m, lineIndex: lineIndexOf(m.lineId) }));
  const before = await lockBalances(tx, ctx.tenantId, original);
  const planned = reverseMovements(original);
  await apply(tx, ctx, reversal, planned, before, {});
  return planned.length;
}

async function apply(tx: Tx, ctx: Ctx, doc: DocRow, planned: PlannedMovement[], before: Map<string, { onHand: Qty; onHand2: Qty; reserved: Qty }>, opts: PostOptions) {
  if (!planned.length && !opts.released?.size) return;
  const items = await loadStockItems(tx, ctx.tenantId, [...new Set(planned.map((m) => m.variantId))]);
  const whs = await warehouseFacts(tx, ctx.tenantId, [...planned.map((m) => m.warehouseId), doc.warehouseId]);
  const { applied, after, shortages } = applyMovements(planned, before, {
    negativeAllowed: (w, v) => !!(items.get(v)?.allowNegativeStock || whs.get(w)?.allowNegativeStock),
    ...(opts.released ? { released: opts.released } : {}),
  });
  if (shortages.length) {
    const errors: FieldError[] = shortages.map((s) => ({
      path: opts.errorPath ? opts.errorPath(s.lineIndex) : `lines.${s.lineIndex}.quantity`,
      message: shortageMessage(items.get(s.variantId) ?? { name: '؟', unitName: '' }, whs.get(s.warehouseId)?.name ?? '؟', s.sellable, s.requested),
    }));
    throwFieldErrors(errors, 'insufficient_stock');
  }
  await insertMovements(tx, ctx.tenantId, doc, applied, ctx.now());
  await writeBalances(tx, ctx.tenantId, before, after, ctx.now());
}
