// Reservations that arrive together, held in ONE transaction (group commit). Under load the cost of a
// reservation is its round trips to the database, not its work: alone it needs about ten statements, in a
// group of n the group needs about ten. Every request still gets its own answer: a shortage refuses that
// request only, in arrival order, under the same balance locks as a single reservation.
import { randomUUID } from 'node:crypto';
import type { ReservationOut } from '../../../common/contracts/inventory.contract.js';
import { qtyToString } from '../../../common/quantity.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { recordCreationsOf } from '../../platform/audit/audit.service.js';
import { enqueueJobs } from '../../platform/jobs/index.js';
import { fieldError } from '../../platform/http/app-error.js';
import { lockBalances, writeBalances } from './balances.repository.js';
import { balanceKey } from './domain/posting.js';
import { stockReservations } from './inventory.table.js';
import { EXPIRE_JOB, outOf, type ReserveInput } from './reservations.service.js';
import { loadWarehouses, resolveLines, shortageMessage } from './stock-lines.js';

export type GroupedRequest = { ctx: Ctx; input: ReserveInput };
export type GroupedAnswer = { ok: true; out: ReservationOut } | { ok: false; error: unknown };

/**
 * Holds every request of one company in the caller's transaction. Throws (nothing written) when a request
 * names a missing or inactive warehouse or product: the caller then runs the requests one by one, so each
 * gets its own message. Shortages and per-request checks are answered per request.
 */
export async function holdGrouped(tx: Tx, tenantId: string, requests: GroupedRequest[]): Promise<GroupedAnswer[]> {
  const whs = await loadWarehouses(tx, tenantId, requests.map((r) => ({ id: r.input.warehouseId, path: 'warehouseId', label: 'انبار' })));
  const lines = await resolveLines(tx, tenantId, requests.map(({ input }) => ({ productId: input.productId, variantId: input.variantId, quantity: input.quantity })), '');
  const answers: (GroupedAnswer | null)[] = requests.map(() => null);
  const live: number[] = [];
  requests.forEach(({ ctx, input }, i) => {
    if (lines[i]!.quantity <= 0n) answers[i] = { ok: false, error: fieldError('quantity', 'مقدار رزرو باید بزرگ‌تر از صفر باشد') };
    else if (input.expiresAt.getTime() <= ctx.now().getTime()) answers[i] = { ok: false, error: fieldError('expiresAt', 'مهلت رزرو باید در آینده باشد') };
    else live.push(i);
  });
  const before = await lockBalances(tx, tenantId, live.map((i) => ({ warehouseId: requests[i]!.input.warehouseId, variantId: lines[i]!.variantId, productId: lines[i]!.productId })));
  const after = new Map([...before].map(([k, b]) => [k, { ...b }]));
  const held: { i: number; row: typeof stockReservations.$inferSelect }[] = [];
  for (const i of live) {
    const { ctx, input } = requests[i]!;
    const l = lines[i]!;
    const wh = whs.get(input.warehouseId)!;
    const b = after.get(balanceKey(wh.id, l.variantId))!;
    const sellable = b.onHand - b.reserved;
    if (sellable < l.quantity && !l.item.allowNegativeStock && !wh.allowNegativeStock) {
      answers[i] = { ok: false, error: fieldError('quantity', shortageMessage(l.item, wh.name, sellable, l.quantity), 'insufficient_stock') };
      continue;
    }
    b.reserved += l.quantity;
    held.push({ i, row: {
      id: randomUUID(), tenantId, warehouseId: wh.id, productId: l.productId, variantId: l.variantId, quantity: qtyToString(l.quantity),
      status: 'active', reference: input.reference ?? null, expiresAt: input.expiresAt, createdBy: ctx.userId, createdAt: ctx.now(), closedAt: null,
    } });
  }
  const rows = held.map((h) => h.row);
  if (rows.length) {
    await tx.insert(stockReservations).values(rows);
    await writeBalances(tx, tenantId, before, after, requests[0]!.ctx.now());
    await enqueueJobs(tx, rows.map((r) => ({ kind: EXPIRE_JOB, runAt: r.expiresAt, dedupeKey: `${EXPIRE_JOB}:${r.id}`, payload: { reservationId: r.id } })));
    await recordCreationsOf(tx, held.map(({ i, row }) => ({ ctx: requests[i]!.ctx, entity: 'stockReservation', row })));
  }
  for (const { i, row } of held) {
    answers[i] = { ok: true, out: outOf(row, lines[i]!.item.name, whs.get(row.warehouseId)!.name) };
  }
  return answers as GroupedAnswer[];
}
