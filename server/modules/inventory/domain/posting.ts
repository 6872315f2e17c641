// What confirming a stock document does to the balances, as pure functions over micro-unit quantities.
import type { Qty } from '../../../../common/quantity.js';
import type { StockDocumentKind } from '../inventory.table.js';

export type BalanceFigures = { onHand: Qty; onHand2: Qty; reserved: Qty };
export const balanceKey = (warehouseId: string, variantId: string) => `${warehouseId}|${variantId}`;

/** Stable lock order: by warehouse, then variant (uuid text order = PostgreSQL's uuid order). */
export const compareKeys = (a: { warehouseId: string; variantId: string }, b: { warehouseId: string; variantId: string }) =>
  a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0;

export type PostingLine = { index: number; lineId: string | null; productId: string; variantId: string; quantity: Qty; quantity2: Qty | null };

export type PlannedMovement = {
  warehouseId: string; variantId: string; productId: string; lineId: string | null; lineIndex: number;
  quantity: Qty; quantity2: Qty | null;
  /** A decrease that must not take sellable stock below zero (not a physical count). */
  checkSellable: boolean;
};

/**
 * The movements of a document: receipt +q; issue −q; transfer −q at the source and +q at the
 * destination; adjustment sets on hand to the counted quantity (one movement per variant, the
 * difference; none when nothing differs); exit permit moves nothing (the issue already did).
 */
export function planMovements(
  doc: { kind: StockDocumentKind; warehouseId: string; toWarehouseId: string | null },
  lines: PostingLine[],
  current: (warehouseId: string, variantId: string) => BalanceFigures,
): PlannedMovement[] {
  const out: PlannedMovement[] = [];
  const move = (warehouseId: string, l: PostingLine, sign: 1n | -1n) =>
    out.push({
      warehouseId, variantId: l.variantId, productId: l.productId, lineId: l.lineId, lineIndex: l.index,
      quantity: sign * l.quantity, quantity2: l.quantity2 === null ? null : sign * l.quantity2, checkSellable: sign < 0n,
    });
  switch (doc.kind) {
    case 'receipt':
      for (const l of lines) move(doc.warehouseId, l, 1n);
      return out;
    case 'issue':
      for (const l of lines) move(doc.warehouseId, l, -1n);
      return out;
    case 'transfer':
      if (!doc.toWarehouseId) throw new Error('transfer without destination');
      for (const l of lines) move(doc.warehouseId, l, -1n);
      for (const l of lines) move(doc.toWarehouseId, l, 1n);
      return out;
    case 'adjustment': {
      // Lines of one variant add up (counted in two places); the count is the truth, reservations or not.
      const counted = new Map<string, { first: PostingLine; q: Qty; q2: Qty | null }>();
      for (const l of lines) {
        const c = counted.get(l.variantId);
        if (!c) counted.set(l.variantId, { first: l, q: l.quantity, q2: l.quantity2 });
        else { c.q += l.quantity; c.q2 = c.q2 === null && l.quantity2 === null ? null : (c.q2 ?? 0n) + (l.quantity2 ?? 0n); }
      }
      for (const { first, q, q2 } of counted.values()) {
        const now = current(doc.warehouseId, first.variantId);
        const d = q - now.onHand;
        const d2 = q2 === null ? null : q2 - now.onHand2;
        if (d === 0n && !d2) continue;
        out.push({
          warehouseId: doc.warehouseId, variantId: first.variantId, productId: first.productId, lineId: first.lineId,
          lineIndex: first.index, quantity: d, quantity2: d2, checkSellable: false,
        });
      }
      return out;
    }
    case 'exit_permit':
      return out;
  }
}

/** The exact opposite of earlier movements (a reversing document). Decreases are checked like any other. */
export function reverseMovements(original: Omit<PlannedMovement, 'checkSellable'>[]): PlannedMovement[] {
  return original.map((m) => ({ ...m, quantity: -m.quantity, quantity2: m.quantity2 === null ? null : -m.quantity2, checkSellable: m.quantity > 0n }));
}

export type AppliedMovement = PlannedMovement & { balanceAfter: Qty };
export type Shortage = { warehouseId: string; variantId: string; lineIndex: number; sellable: Qty; requested: Qty };

/**
 * Applies movements in order to the locked balances, giving each its balance_after, and lists the
 * balances whose sellable stock (on hand − reserved) would fall below zero through a checked decrease.
 * `released` is reserved stock this same command consumes (it stops counting as reserved).
 */
export function applyMovements(
  movements: PlannedMovement[],
  balances: Map<string, BalanceFigures>,
  opts: { negativeAllowed: (warehouseId: string, variantId: string) => boolean; released?: Map<string, Qty> },
): { applied: AppliedMovement[]; after: Map<string, BalanceFigures>; shortages: Shortage[] } {
  const after = new Map<string, BalanceFigures>();
  for (const [k, b] of balances) after.set(k, { ...b });
  for (const [k, r] of opts.released ?? []) {
    const b = after.get(k);
    if (b) b.reserved -= r;
  }
  const applied: AppliedMovement[] = [];
  const decreased = new Map<string, { lineIndex: number; requested: Qty }>();
  for (const m of movements) {
    const k = balanceKey(m.warehouseId, m.variantId);
    const b = after.get(k);
    if (!b) throw new Error(`balance ${k} was not locked`);
    b.onHand += m.quantity;
    if (m.quantity2 !== null) b.onHand2 += m.quantity2;
    applied.push({ ...m, balanceAfter: b.onHand });
    if (m.checkSellable && m.quantity < 0n) {
      const d = decreased.get(k);
      if (d) d.requested -= m.quantity;
      else decreased.set(k, { lineIndex: m.lineIndex, requested: -m.quantity });
    }
  }
  const shortages: Shortage[] = [];
  for (const [k, d] of decreased) {
    const b = after.get(k)!;
    const [warehouseId = '', variantId = ''] = k.split('|');
    if (b.onHand - b.reserved < 0n && !opts.negativeAllowed(warehouseId, variantId)) {
      const before = balances.get(k)!;
      const releasedHere = opts.released?.get(k) ?? 0n;
      shortages.push({ warehouseId, variantId, lineIndex: d.lineIndex, sellable: before.onHand - before.reserved + releasedHere, requested: d.requested });
    }
  }
  return { applied, after, shortages };
}
