import { SMS_STATUS_LABELS, type SmsFilters, type SmsMessageOut } from '../../../common/contracts/sms.contract.js';
import { scopeOf, type Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime } from '../../platform/export/export-values.js';
import { AppError } from '../../platform/http/app-error.js';
import { listSms } from './sms.service.js';

export const SMS_EXPORT_COLUMNS: ExportColumn<SmsMessageOut>[] = [
  { header: 'زمان ثبت', value: (r) => jalaliDateTime(r.createdAt), width: 16 },
  { header: 'گیرنده', value: (r) => r.to, width: 14 },
  { header: 'متن', value: (r) => r.text, width: 50 },
  { header: 'تعداد بخش', value: (r) => r.parts, width: 9 },
  { header: 'وضعیت', value: (r) => SMS_STATUS_LABELS[r.status].fa, width: 12 },
  { header: 'تلاش', value: (r) => r.attempts, width: 7 },
  { header: 'علت خطا', value: (r) => r.lastError, width: 30 },
  { header: 'گزارش درگاه', value: (r) => r.deliveryStatus, width: 14 },
  { header: 'زمان ارسال', value: (r) => jalaliDateTime(r.sentAt), width: 16 },
  { header: 'زمان رسیدن', value: (r) => jalaliDateTime(r.deliveredAt), width: 16 },
  { header: 'مرجع', value: (r) => r.reference, width: 18 },
  { header: 'ثبت‌کننده', value: (r) => r.createdByName ?? 'سامانه', width: 18 },
  { header: 'درگاه', value: (r) => r.gateway, width: 12 },
  { header: 'شناسه درگاه', value: (r) => r.gatewayMessageId, width: 16 },
];

/**
 * The outbox list itself, page by page: the same filters and the same `sms.view` scope (own / unit / all), so an
 * export never shows a message the list would not. Without `sms.view` it is refused before the first byte goes out.
 */
export function smsExportPages(ctx: Ctx, filters: SmsFilters, pageSize = 500): AsyncIterable<SmsMessageOut[]> {
  if (!scopeOf(ctx.principal, 'sms.view')) throw new AppError('forbidden');
  return (async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await listSms(ctx, { ...filters, limit: pageSize, cursor });
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  })();
}
