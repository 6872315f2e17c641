// Exit permit (مجوز خروج): lets goods of a confirmed issue slip leave the premises. The issue already
// took them off the stock, so a permit moves nothing; it may cover an issue in several parts, never more
// than was issued.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { lineLabel } from '../../../common/contracts/inventory.contract.js';
import type { FieldError } from '../../../common/errors.js';
import { formatQuantity, qtyFromDb, type Qty } from '../../../common/quantity.js';
import { toPersianDigits } from '../../../common/text.js';
import type { Tx } from '../../platform/db/types.js';
import { AppError } from '../../platform/http/app-error.js';
import { stockDocumentLines, stockDocuments } from './inventory.table.js';
import { sourceReference } from './stock-documents.repository.js';
import { throwFieldErrors, type ResolvedLine } from './stock-lines.js';

/** Checks a permit against its issue slip; `lock` takes the issue's row lock (confirm) so two permits queue. */
export async function checkExitPermit(
  tx: Tx,
  tenantId: string,
  permit: { id: string | null; warehouseId: string; sourceDocumentId: string | null | undefined },
  lines: ResolvedLine[],
  lock: boolean,
) {
  const sourceId = permit.sourceDocumentId;
  if (!sourceId) throwFieldErrors([{ path: 'sourceDocumentId', message: 'حواله‌ای که مجوز خروج برای آن صادر می‌شود الزامی است' }]);
  const q = tx.select().from(stockDocuments).where(and(eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.id, sourceId)));
  const [issue] = lock ? await q.for('update') : await q;
  if (!issue || issue.kind !== 'issue') throwFieldErrors([{ path: 'sourceDocumentId', message: 'حواله انبار مبنای مجوز خروج پیدا نشد' }]);
  if (issue.status !== 'confirmed' || issue.reversedById || issue.reversesId) {
    throwFieldErrors([{ path: 'sourceDocumentId', message: 'مجوز خروج فقط برای حواله تاییدشده و برگشت‌نخورده صادر می‌شود' }]);
  }
  if (issue.warehouseId !== permit.warehouseId) throwFieldErrors([{ path: 'warehouseId', message: 'انبار مجوز خروج باید همان انبار حواله باشد' }]);

  const sum = async (docIds: string[]) => {
    const out = new Map<string, Qty>();
    if (!docIds.length) return out;
    const rows = await tx.select({ variantId: stockDocumentLines.variantId, q: sql<string>`sum(${stockDocumentLines.quantity})::text` })
      .from(stockDocumentLines)
      .where(and(eq(stockDocumentLines.tenantId, tenantId), inArray(stockDocumentLines.documentId, docIds)))
      .groupBy(stockDocumentLines.variantId);
    for (const r of rows) out.set(r.variantId, qtyFromDb(r.q));
    return out;
  };
  const issued = await sum([issue.id]);
  const others = await tx.select({ id: stockDocuments.id }).from(stockDocuments).where(and(
    eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.kind, 'exit_permit'), eq(stockDocuments.status, 'confirmed'),
    eq(stockDocuments.reference, sourceReference(issue.id)), sql`${stockDocuments.reversedById} is null`, sql`${stockDocuments.reversesId} is null`,
    permit.id ? ne(stockDocuments.id, permit.id) : undefined,
  ));
  const permitted = await sum(others.map((o) => o.id));
  const here = new Map<string, Qty>();
  const errors: FieldError[] = [];
  for (const l of lines) {
    const total = (here.get(l.variantId) ?? 0n) + l.quantity;
    here.set(l.variantId, total);
    const left = (issued.get(l.variantId) ?? 0n) - (permitted.get(l.variantId) ?? 0n);
    if (!issued.has(l.variantId)) errors.push({ path: `lines.${l.index}.productId`, message: `کالای «${l.item.name}» در ${lineLabel(l.index)} در حواله شماره ${toPersianDigits(issue.number)} نیست` });
    else if (total > left) errors.push({ path: `lines.${l.index}.quantity`, message: `مقدار ${lineLabel(l.index)} بیش از مانده حواله است؛ مانده خروج «${l.item.name}» ${formatQuantity(left)} ${l.item.unitName} است` });
  }
  if (errors.length) throwFieldErrors(errors);
}

/** An issue slip with live exit permits cannot be reversed: the goods have left. */
export async function assertNoExitPermits(tx: Tx, tenantId: string, issueId: string) {
  const [row] = await tx.select({ number: stockDocuments.number }).from(stockDocuments).where(and(
    eq(stockDocuments.tenantId, tenantId), eq(stockDocuments.kind, 'exit_permit'), eq(stockDocuments.status, 'confirmed'),
    eq(stockDocuments.reference, sourceReference(issueId)), sql`${stockDocuments.reversedById} is null`, sql`${stockDocuments.reversesId} is null`,
  )).limit(1);
  if (row) throw new AppError('conflict', { detail: `برای این حواله مجوز خروج شماره ${toPersianDigits(row.number)} صادر شده است؛ نخست آن مجوز را برگشت بزنید.` });
}
