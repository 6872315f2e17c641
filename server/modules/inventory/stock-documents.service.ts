import { and, eq } from 'drizzle-orm';
import {
  STOCK_KIND_LABELS, stockDocumentCreate, type StockDocumentCreate, type StockDocumentDetail, type StockDocumentListQuery, type StockDocumentPatch,
} from '../../../common/contracts/inventory.contract.js';
import { fiscalYearOf, isoDateInTehran, parseJalaliOrIso } from '../../../common/jalali.js';
import { qtyFromDb, qtyToString, type Qty } from '../../../common/quantity.js';
import { toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { idempotent } from '../../platform/idempotency/idempotency.js';
import { nextNumber } from '../../platform/sequences/next-number.js';
import { companySettings } from '../settings/settings.table.js';
import { assertNoExitPermits, checkExitPermit } from './exit-permits.js';
import { stockDocumentLines, stockDocuments } from './inventory.table.js';
import { documentDetail, filterConditions, linesOf, lockDocument, selectDocuments, sourceIdOf, sourceReference } from './stock-documents.repository.js';
import { loadWarehouses, resolveLines, throwFieldErrors, type ResolvedLine } from './stock-lines.js';
import { postDocument, postReversal, type PostOptions } from './stock-posting.js';

type DocRow = typeof stockDocuments.$inferSelect;
type LineRow = typeof stockDocumentLines.$inferSelect;

export const sequenceKey = (kind: string, fiscalYear: number) => `stock:${kind}:${fiscalYear}`;

async function fiscalYearFor(tx: Tx, tenantId: string, date: Date) {
  const [s] = await tx.select({ start: companySettings.fiscalYearStartMonth }).from(companySettings).where(eq(companySettings.tenantId, tenantId));
  return fiscalYearOf(date, s?.start ?? 1);
}

export async function listDocuments(ctx: Ctx, q: StockDocumentListQuery) {
  return inTenant(ctx.db, ctx, (tx) => selectDocuments(tx, filterConditions(ctx.tenantId, q), q));
}

export async function getDocument(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, (tx) => documentDetail(tx, ctx.tenantId, id));
}

/** Warehouses exist and are active, products are stock goods with allowed decimals, an exit permit fits its issue. */
async function validate(tx: Tx, ctx: Ctx, input: StockDocumentCreate, selfId: string | null, lockSource: boolean): Promise<ResolvedLine[]> {
  await loadWarehouses(tx, ctx.tenantId, [
    { id: input.warehouseId, path: 'warehouseId', label: input.kind === 'transfer' ? 'انبار مبدأ' : 'انبار' },
    { id: input.toWarehouseId, path: 'toWarehouseId', label: 'انبار مقصد' },
  ]);
  const lines = await resolveLines(tx, ctx.tenantId, input.lines);
  if (input.kind === 'exit_permit') await checkExitPermit(tx, ctx.tenantId, { id: selfId, warehouseId: input.warehouseId, sourceDocumentId: input.sourceDocumentId }, lines, lockSource);
  return lines;
}

const lineValues = (tenantId: string, documentId: string, lines: ResolvedLine[]) =>
  lines.map((l, i) => ({
    tenantId, documentId, lineNo: i + 1, productId: l.productId, variantId: l.variantId,
    quantity: qtyToString(l.quantity), quantity2: l.quantity2 === null ? null : qtyToString(l.quantity2), description: l.description,
  }));

const auditLines = (lines: { variantId: string; quantity: string | Qty; quantity2: string | Qty | null }[]) =>
  lines.map((l) => ({ variantId: l.variantId, quantity: typeof l.quantity === 'bigint' ? qtyToString(l.quantity) : qtyToString(qtyFromDb(l.quantity)), quantity2: l.quantity2 === null ? null : typeof l.quantity2 === 'bigint' ? qtyToString(l.quantity2) : qtyToString(qtyFromDb(l.quantity2)) }));

/** Inserts a draft (or, for reversals, a document about to be confirmed) with its number. */
export async function insertDocument(tx: Tx, ctx: Ctx, input: StockDocumentCreate, extra: { reversesId?: string } = {}) {
  const lines = await validate(tx, ctx, input, null, false);
  const fiscalYear = await fiscalYearFor(tx, ctx.tenantId, input.docDate);
  const number = await nextNumber(tx, ctx.tenantId, sequenceKey(input.kind, fiscalYear), 0);
  const [doc] = await tx.insert(stockDocuments).values({
    tenantId: ctx.tenantId, kind: input.kind, fiscalYear, number, docDate: isoDateInTehran(input.docDate), status: 'draft',
    warehouseId: input.warehouseId, toWarehouseId: input.kind === 'transfer' ? (input.toWarehouseId ?? null) : null,
    reference: input.kind === 'exit_permit' ? sourceReference(input.sourceDocumentId!) : (input.reference ?? null),
    description: input.description ?? null, reversesId: extra.reversesId ?? null, createdBy: ctx.userId, createdAt: ctx.now(), updatedAt: ctx.now(),
  }).returning();
  const rows = await tx.insert(stockDocumentLines).values(lineValues(ctx.tenantId, doc!.id, lines)).returning();
  await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: doc!.id, action: 'create', after: { ...doc!, lines: auditLines(lines) } });
  return { doc: doc!, lines: lines.map((l, i) => ({ ...l, lineId: rows[i]!.id })) };
}

export async function createDocument(ctx: Ctx, input: StockDocumentCreate, key?: string) {
  return inTenant(ctx.db, ctx, (tx) =>
    idempotent(tx, { tenantId: ctx.tenantId, scope: 'stock-documents.create', key, request: input, status: 201 }, async () => {
      const { doc } = await insertDocument(tx, ctx, input);
      return documentDetail(tx, ctx.tenantId, doc.id);
    }));
}

const refusedWhenConfirmed = (doc: DocRow, action: string) => {
  if (doc.status !== 'draft') {
    throw new AppError('conflict', { detail: `سند ${STOCK_KIND_LABELS[doc.kind].fa} شماره ${toPersianDigits(doc.number)} تایید شده است و ${action} نمی‌شود؛ برای اصلاح، آن را برگشت بزنید.` });
  }
};

const inputOf = (doc: DocRow, lines: LineRow[]) => ({
  kind: doc.kind, docDate: parseJalaliOrIso(doc.docDate)!, warehouseId: doc.warehouseId, toWarehouseId: doc.toWarehouseId,
  sourceDocumentId: sourceIdOf(doc), reference: doc.kind === 'exit_permit' ? null : doc.reference, description: doc.description,
  lines: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: qtyToString(qtyFromDb(l.quantity)), quantity2: l.quantity2 === null ? null : qtyToString(qtyFromDb(l.quantity2)), description: l.description })),
});

export async function updateDocument(ctx: Ctx, id: string, patch: StockDocumentPatch) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await lockDocument(tx, ctx.tenantId, id);
    refusedWhenConfirmed(before, 'ویرایش');
    if (patch.version !== undefined && patch.version !== before.version) throw new AppError('conflict');
    const beforeLines = await linesOf(tx, ctx.tenantId, id);
    const { version: _v, ...changes } = patch;
    const merged = { ...inputOf(before, beforeLines), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    // Lines, when sent, replace all lines; the merged document is checked like a new one.
    const parsed = stockDocumentCreate.safeParse(merged);
    if (!parsed.success) throwFieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const input = parsed.data;
    const lines = await validate(tx, ctx, input, id, false);
    const fiscalYear = await fiscalYearFor(tx, ctx.tenantId, input.docDate);
    const renumber = fiscalYear !== before.fiscalYear || input.kind !== before.kind;
    const number = renumber ? await nextNumber(tx, ctx.tenantId, sequenceKey(input.kind, fiscalYear), 0) : before.number;
    const [after] = await tx.update(stockDocuments).set({
      kind: input.kind, fiscalYear, number, docDate: isoDateInTehran(input.docDate), warehouseId: input.warehouseId,
      toWarehouseId: input.kind === 'transfer' ? (input.toWarehouseId ?? null) : null,
      reference: input.kind === 'exit_permit' ? sourceReference(input.sourceDocumentId!) : (input.reference ?? null),
      description: input.description ?? null, version: before.version + 1, updatedAt: ctx.now(),
    }).where(eq(stockDocuments.id, id)).returning();
    await tx.delete(stockDocumentLines).where(and(eq(stockDocumentLines.tenantId, ctx.tenantId), eq(stockDocumentLines.documentId, id)));
    await tx.insert(stockDocumentLines).values(lineValues(ctx.tenantId, id, lines));
    await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: id, action: 'update', before: { ...before, lines: auditLines(beforeLines) }, after: { ...after!, lines: auditLines(lines) } });
    return documentDetail(tx, ctx.tenantId, id);
  });
}

export async function deleteDocument(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await lockDocument(tx, ctx.tenantId, id);
    refusedWhenConfirmed(before, 'حذف');
    const lines = await linesOf(tx, ctx.tenantId, id);
    await tx.delete(stockDocuments).where(eq(stockDocuments.id, id));
    await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: id, action: 'delete', before: { ...before, lines: auditLines(lines) } });
  });
}

/** Confirms a draft inside the caller's transaction: product rules again (they may have changed), then the ledger. */
export async function confirmInTx(tx: Tx, ctx: Ctx, id: string, opts: PostOptions = {}) {
  const doc = await lockDocument(tx, ctx.tenantId, id);
  if (doc.status === 'confirmed') throw new AppError('conflict', { detail: `سند ${STOCK_KIND_LABELS[doc.kind].fa} شماره ${toPersianDigits(doc.number)} پیش‌تر تایید شده است.` });
  const rows = await linesOf(tx, ctx.tenantId, id);
  const input = inputOf(doc, rows);
  const lines = await validate(tx, ctx, input as StockDocumentCreate, id, true);
  await postDocument(tx, ctx, doc, lines.map((l, i) => ({ ...l, lineId: rows[i]!.id })), opts);
  const [after] = await tx.update(stockDocuments)
    .set({ status: 'confirmed', confirmedBy: ctx.userId, confirmedAt: ctx.now(), version: doc.version + 1, updatedAt: ctx.now() })
    .where(eq(stockDocuments.id, id)).returning();
  await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: id, action: 'update', before: doc, after: after! });
  return after!;
}

export async function confirmDocument(ctx: Ctx, id: string, key?: string) {
  return inTenant(ctx.db, ctx, (tx) =>
    idempotent(tx, { tenantId: ctx.tenantId, scope: `stock-documents.confirm:${id}`, key, request: { id }, status: 200 }, async () => {
      await confirmInTx(tx, ctx, id);
      return documentDetail(tx, ctx.tenantId, id);
    }));
}

/** Creates and confirms the exact opposite of a confirmed document, dated today. */
export async function reverseDocument(ctx: Ctx, id: string): Promise<StockDocumentDetail> {
  return inTenant(ctx.db, ctx, async (tx) => {
    const original = await lockDocument(tx, ctx.tenantId, id);
    const label = `${STOCK_KIND_LABELS[original.kind].fa} شماره ${toPersianDigits(original.number)}`;
    if (original.status !== 'confirmed') throw new AppError('conflict', { detail: `سند ${label} هنوز تایید نشده است؛ پیش‌نویس را ویرایش یا حذف کنید.` });
    if (original.reversedById) throw new AppError('conflict', { detail: `سند ${label} پیش‌تر برگشت خورده است.` });
    if (original.reversesId) throw new AppError('conflict', { detail: `سند ${label} خودش سند برگشتی است و دوباره برگشت نمی‌خورد.` });
    if (original.kind === 'issue') await assertNoExitPermits(tx, ctx.tenantId, id);
    const rows = await linesOf(tx, ctx.tenantId, id);
    const today = ctx.now();
    const fiscalYear = await fiscalYearFor(tx, ctx.tenantId, today);
    const number = await nextNumber(tx, ctx.tenantId, sequenceKey(original.kind, fiscalYear), 0);
    const [reversal] = await tx.insert(stockDocuments).values({
      tenantId: ctx.tenantId, kind: original.kind, fiscalYear, number, docDate: isoDateInTehran(today), status: 'confirmed',
      warehouseId: original.warehouseId, toWarehouseId: original.toWarehouseId, reference: original.reference,
      description: `برگشت سند ${label}`, reversesId: original.id, createdBy: ctx.userId, confirmedBy: ctx.userId, confirmedAt: today,
      createdAt: today, updatedAt: today,
    }).returning();
    const copies = await tx.insert(stockDocumentLines).values(rows.map((l) => ({
      tenantId: ctx.tenantId, documentId: reversal!.id, lineNo: l.lineNo, productId: l.productId, variantId: l.variantId,
      quantity: l.quantity, quantity2: l.quantity2, description: l.description,
    }))).returning();
    const lineIndex = new Map(rows.map((l, i) => [l.id, i]));
    await postReversal(tx, ctx, reversal!, original.id, (lineId) => (lineId ? lineIndex.get(lineId) ?? 0 : 0));
    const [after] = await tx.update(stockDocuments).set({ reversedById: reversal!.id, version: original.version + 1, updatedAt: today })
      .where(eq(stockDocuments.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: reversal!.id, action: 'create', after: { ...reversal!, lines: auditLines(copies) } });
    await recordAudit(tx, ctx, { entity: 'stockDocument', entityId: id, action: 'update', before: original, after: after! });
    return documentDetail(tx, ctx.tenantId, reversal!.id);
  });
}
