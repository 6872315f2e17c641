import { RESERVATION_STATUS_LABELS, type ReservationFilters, type ReservationOut } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, numberCell } from '../../platform/export/export-values.js';
import { listReservations } from './reservations.service.js';

export const RESERVATION_EXPORT_COLUMNS: ExportColumn<ReservationOut>[] = [
  { header: 'کالا', value: (r) => r.productName, width: 28 },
  { header: 'انبار', value: (r) => r.warehouseName, width: 20 },
  { header: 'مقدار', value: (r) => numberCell(r.quantity), width: 10 },
  { header: 'مرجع', value: (r) => r.reference, width: 18 },
  { header: 'مهلت', value: (r) => jalaliDateTime(r.expiresAt), width: 16 },
  { header: 'وضعیت', value: (r) => RESERVATION_STATUS_LABELS[r.status], width: 11 },
  { header: 'زمان ثبت', value: (r) => jalaliDateTime(r.createdAt), width: 16 },
  { header: 'زمان بسته شدن', value: (r) => jalaliDateTime(r.closedAt), width: 16 },
];

/** The list's own query and keyset paging (newest first), 500 a page. */
export async function* reservationExportPages(ctx: Ctx, filters: ReservationFilters, pageSize = 500): AsyncIterable<ReservationOut[]> {
  let cursor: string | undefined;
  do {
    const page = await listReservations(ctx, { ...filters, limit: pageSize, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
