// Reservations (رزرو): stock held for a document until a deadline. sellable = on hand − reserved; a
// reservation never takes sellable below zero (unless negative stock is allowed), and it is checked under
// the balance row's lock, so concurrent orders cannot oversell.
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { ReservationCreate, ReservationListQuery, ReservationOut } from '../../../common/contracts/inventory.contract.js';
import { qtyFromDb, qtyToString, type Qty } from '../../../common/quantity.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError, notFound } from '../../platform/http/app-error.js';
import { afterCursor, encodeCursor } from '../../platform/http/keyset.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { idempotent, type IdempotentResult } from '../../platform/idempotency/idempotency.js';
import { reserveGrouped } from './reservation-batcher.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { loadStockItems } from '../products/index.js';
import { lockBalances, writeBalances } from './balances.repository.js';
import { balanceKey } from './domain/posting.js';
import { stockReservations, warehouses } from './inventory.table.js';
import { issueStock, type StockMoveInput } from './stock-api.js';
import { loadWarehouses, resolveLines, shortageMessage } from './stock-lines.js';

export const EXPIRE_JOB = 'inventory.reservations.expire';
type Row = typeof stockReservations.$inferSelect;
export type ReserveInput = Omit<ReservationCreate, 'quantity'> & { quantity: string | number };

/** Holds stock in the caller's transaction; an expiry job is queued with it (outbox) for its deadline. */
export async function reserve(tx: Tx, ctx: Ctx, input: ReserveInput): Promise<Row> {
  return (await hold(tx, ctx, input)).row;
}

/** `reserve`, also returning the names it loaded, so the HTTP answer needs no second look-up. */
async function hold(tx: Tx, ctx: Ctx, input: ReserveInput): Promise<{ row: Row; productName: string; warehouseName: string }> {
  const whs = await loadWarehouses(tx, ctx.tenantId, [{ id: input.warehouseId, path: 'warehouseId', label: 'انبار' }]);
  const [line] = await resolveLines(tx, ctx.tenantId, [{ productId: input.productId, variantId: input.variantId, quantity: input.quantity }], '');
  const l = line!;
  if (l.quantity <= 0n) throw fieldError('quantity', 'مقدار رزرو باید بزرگ‌تر از صفر باشد');
  if (input.expiresAt.getTime() <= ctx.now().getTime()) throw fieldError('expiresAt', 'مهلت رزرو باید در آینده باشد');
  const wh = whs.get(input.warehouseId)!;
  const k = balanceKey(wh.id, l.variantId);
  const before = await lockBalances(tx, ctx.tenantId, [{ warehouseId: wh.id, variantId: l.variantId, productId: l.productId }]);
  const b = before.get(k)!;
  const sellable = b.onHand - b.reserved;
  if (sellable < l.quantity && !l.item.allowNegativeStock && !wh.allowNegativeStock) {
    throw fieldError('quantity', shortageMessage(l.item, wh.name, sellable, l.quantity), 'insufficient_stock');
  }
  const [row] = await tx.insert(stockReservations).values({
    tenantId: ctx.tenantId, warehouseId: wh.id, productId: l.productId, variantId: l.variantId, quantity: qtyToString(l.quantity),
    status: 'active', reference: input.reference ?? null, expiresAt: input.expiresAt, createdBy: ctx.userId, createdAt: ctx.now(),
  }).returning();
  await writeBalances(tx, ctx.tenantId, before, new Map([[k, { ...b, reserved: b.reserved + l.quantity }]]), ctx.now());
  await enqueueJob(tx, { kind: EXPIRE_JOB, runAt: input.expiresAt, dedupeKey: `${EXPIRE_JOB}:${row!.id}`, payload: { reservationId: row!.id } });
  await recordAudit(tx, ctx, { entity: 'stockReservation', entityId: row!.id, action: 'create', after: row! });
  return { row: row!, productName: l.item.name, warehouseName: wh.name };
}

async function lockActive(tx: Tx, ctx: Ctx, id: string): Promise<Row> {
  const [r] = await tx.select().from(stockReservations).where(and(eq(stockReservations.tenantId, ctx.tenantId), eq(stockReservations.id, id))).for('update');
  if (!r) throw notFound('رزرو');
  if (r.status !== 'active') throw new AppError('conflict', { detail: 'این رزرو دیگر فعال نیست (آزاد، مصرف یا منقضی شده است).' });
  return r;
}

async function close(tx: Tx, ctx: Ctx, r: Row, status: 'released' | 'expired' | 'consumed', unreserve: boolean) {
  if (unreserve) {
    const k = balanceKey(r.warehouseId, r.variantId);
    const before = await lockBalances(tx, ctx.tenantId, [r]);
    const b = before.get(k)!;
    const reserved = b.reserved - qtyFromDb(r.quantity);
    await writeBalances(tx, ctx.tenantId, before, new Map([[k, { ...b, reserved: reserved < 0n ? 0n : reserved }]]), ctx.now());
  }
  const [after] = await tx.update(stockReservations).set({ status, closedAt: ctx.now() }).where(eq(stockReservations.id, r.id)).returning();
  await recordAudit(tx, ctx, { entity: 'stockReservation', entityId: r.id, action: 'update', before: r, after: after! });
  return after!;
}

/** Gives the held stock back to sellable. */
export async function releaseReservation(tx: Tx, ctx: Ctx, id: string, status: 'released' | 'expired' = 'released') {
  return close(tx, ctx, await lockActive(tx, ctx, id), status, true);
}

/**
 * Turns a reservation into a confirmed issue slip in one step: the reserved quantity stops being
 * reserved and leaves on hand, so sellable stock does not change. Returns the issue document.
 */
export async function consumeReservation(tx: Tx, ctx: Ctx, id: string, opts: Partial<Pick<StockMoveInput, 'reference' | 'description' | 'docDate'>> = {}) {
  const r = await lockActive(tx, ctx, id);
  const q: Qty = qtyFromDb(r.quantity);
  const doc = await issueStock(tx, ctx, {
    warehouseId: r.warehouseId, lines: [{ variantId: r.variantId, quantity: qtyToString(q) }],
    reference: opts.reference ?? r.reference, description: opts.description ?? null, ...(opts.docDate ? { docDate: opts.docDate } : {}),
  }, { released: new Map([[balanceKey(r.warehouseId, r.variantId), q]]) });
  await close(tx, ctx, r, 'consumed', false);
  return doc;
}

// ── HTTP use cases ────────────────────────────────────────────────────────────
export const outOf = (r: Row, productName: string, warehouseName: string): ReservationOut => ({
  id: r.id, warehouseId: r.warehouseId, warehouseName, productId: r.productId, variantId: r.variantId,
  productName, quantity: qtyToString(qtyFromDb(r.quantity)), status: r.status, reference: r.reference,
  expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null,
});

async function toOut(tx: Tx, tenantId: string, rows: Row[]): Promise<ReservationOut[]> {
  if (!rows.length) return [];
  const items = await loadStockItems(tx, tenantId, rows.map((r) => r.variantId));
  const whIds = [...new Set(rows.map((r) => r.warehouseId))];
  const whs = await tx.select({ id: warehouses.id, name: warehouses.name }).from(warehouses).where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, whIds)));
  const whName = new Map(whs.map((w) => [w.id, w.name]));
  return rows.map((r) => outOf(r, items.get(r.variantId)?.name ?? '', whName.get(r.warehouseId) ?? ''));
}

export async function createReservation(ctx: Ctx, input: ReservationCreate, key?: string): Promise<IdempotentResult<ReservationOut>> {
  if (!key) return { status: 201, body: await reserveGrouped(ctx, input, reserveAlone), replayed: false };
  return inTenant(ctx.db, ctx, (tx) =>
    idempotent(tx, { tenantId: ctx.tenantId, scope: 'reservations.create', key, request: input, status: 201 }, async () => {
      const h = await hold(tx, ctx, input);
      return outOf(h.row, h.productName, h.warehouseName);
    }));
}

/** One reservation in its own transaction, no Idempotency-Key. */
async function reserveAlone(ctx: Ctx, input: ReservationCreate): Promise<ReservationOut> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const h = await hold(tx, ctx, input);
    return outOf(h.row, h.productName, h.warehouseName);
  });
}

export async function releaseReservationById(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => (await toOut(tx, ctx.tenantId, [await releaseReservation(tx, ctx, id)]))[0]!);
}

export async function listReservations(ctx: Ctx, q: ReservationListQuery) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const rows = await tx.select().from(stockReservations).where(and(
      eq(stockReservations.tenantId, ctx.tenantId),
      q.status ? eq(stockReservations.status, q.status) : undefined,
      q.warehouseId ? eq(stockReservations.warehouseId, q.warehouseId) : undefined,
      q.productId ? eq(stockReservations.productId, q.productId) : undefined,
      q.reference ? eq(stockReservations.reference, q.reference) : undefined,
      afterCursor(stockReservations.createdAt, stockReservations.id, true, q.cursor),
    )).orderBy(desc(stockReservations.createdAt), desc(stockReservations.id)).limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: await toOut(tx, ctx.tenantId, page), nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
  });
}

/** The context background work acts in: the company, no user. */
export function systemCtx(db: Db, tenantId: string, now: () => Date, requestId = 'system'): Ctx {
  return {
    db, tenantId, userId: null, requestId, now,
    principal: { kind: 'user', tenantId, tenantName: '', userId: null, apiKeyId: null, unitId: null, isAdmin: true, permissions: {}, locale: 'fa', sessionId: null, csrfToken: null, viaCookie: false },
  };
}

/** Expires every overdue active reservation of a company, one transaction each; returns how many. */
export async function expireOverdueReservations(db: Db, tenantId: string, now: () => Date): Promise<number> {
  const ctx = systemCtx(db, tenantId, now, 'reservations.expire');
  const due = await inTenant(db, ctx, (tx) => tx.select({ id: stockReservations.id }).from(stockReservations)
    .where(and(eq(stockReservations.tenantId, tenantId), eq(stockReservations.status, 'active'), lte(stockReservations.expiresAt, now())))
    .orderBy(stockReservations.expiresAt).limit(1000));
  let n = 0;
  for (const { id } of due) {
    await inTenant(db, ctx, async (tx) => {
      const [r] = await tx.select().from(stockReservations).where(eq(stockReservations.id, id)).for('update');
      if (r?.status !== 'active' || r.expiresAt.getTime() > now().getTime()) return;
      await close(tx, ctx, r, 'expired', true);
      n++;
    });
  }
  return n;
}
