import { STOCK_DOCUMENT_STATUS_LABELS, STOCK_KIND_LABELS, type StockDocumentFilters, type StockDocumentOut } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import { resolveActorNames } from '../../platform/audit/audit-registry.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, jalaliDay } from '../../platform/export/export-values.js';
import { listDocuments } from './stock-documents.service.js';

export type StockDocumentExportRow = StockDocumentOut & { createdByName: string | null; confirmedByName: string | null };

/** As the list shows it: a confirmed document that was reversed reads «برگشت‌خورده». */
export const documentStatusLabel = (d: Pick<StockDocumentOut, 'status' | 'reversedById'>) =>
  d.reversedById ? STOCK_DOCUMENT_STATUS_LABELS.reversed : STOCK_DOCUMENT_STATUS_LABELS[d.status];

export const STOCK_DOCUMENT_EXPORT_COLUMNS: ExportColumn<StockDocumentExportRow>[] = [
  { header: 'نوع سند', value: (r) => STOCK_KIND_LABELS[r.kind].fa, width: 16 },
  { header: 'شماره', value: (r) => r.number, width: 9 },
  { header: 'سال مالی', value: (r) => r.fiscalYear, width: 9 },
  { header: 'تاریخ سند', value: (r) => jalaliDay(r.docDate), width: 12 },
  { header: 'انبار', value: (r) => r.warehouseName, width: 20 },
  { header: 'انبار مقصد', value: (r) => r.toWarehouseName, width: 20 },
  { header: 'وضعیت', value: (r) => documentStatusLabel(r), width: 12 },
  { header: 'صادرکننده', value: (r) => r.createdByName, width: 20 },
  { header: 'تاییدکننده', value: (r) => r.confirmedByName, width: 20 },
  { header: 'تاریخ تایید', value: (r) => jalaliDateTime(r.confirmedAt), width: 16 },
  { header: 'مرجع', value: (r) => r.reference, width: 18 },
  { header: 'توضیحات', value: (r) => r.description, width: 36 },
  { header: 'تعداد ردیف', value: (r) => r.lineCount, width: 10 },
];

/** The list's own query and keyset paging (newest date first), 500 a page, with the people's names. */
export async function* stockDocumentExportPages(ctx: Ctx, filters: StockDocumentFilters, pageSize = 500): AsyncIterable<StockDocumentExportRow[]> {
  let cursor: string | undefined;
  do {
    const page = await listDocuments(ctx, { ...filters, limit: pageSize, cursor });
    const ids = new Set(page.items.flatMap((d) => [d.createdBy, d.confirmedBy]).filter((id): id is string => !!id));
    const names = await resolveActorNames(ctx, [...ids]);
    const name = (id: string | null) => (id ? names.get(id)?.trim() || null : null);
    yield page.items.map((d) => ({ ...d, createdByName: name(d.createdBy), confirmedByName: name(d.confirmedBy) }));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
