import { REMINDER_STATUS_LABELS, type ReminderFilters, type ReminderOut } from '../../../common/contracts/reminders.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, yesNo } from '../../platform/export/export-values.js';
import { personOf } from './reminder-people.js';
import { listReminders } from './reminders.service.js';

export const REMINDER_EXPORT_COLUMNS: ExportColumn<ReminderOut>[] = [
  { header: 'زمان یادآور', value: (r) => jalaliDateTime(r.dueAt), width: 16 },
  { header: 'متن', value: (r) => r.text, width: 48 },
  { header: 'برای', value: (r) => r.recipientName, width: 18 },
  { header: 'ثبت‌کننده', value: (r) => r.createdByName, width: 18 },
  { header: 'درباره', value: (r) => r.linkTitle, width: 26 },
  { header: 'وضعیت', value: (r) => REMINDER_STATUS_LABELS[r.status].fa, width: 11 },
  { header: 'پیامک', value: (r) => yesNo(r.viaSms), width: 8 },
  { header: 'یادداشت پیامک', value: (r) => r.smsNote, width: 30 },
  { header: 'زمان اعلام', value: (r) => jalaliDateTime(r.deliveredAt), width: 16 },
  { header: 'زمان ثبت', value: (r) => jalaliDateTime(r.createdAt), width: 16 },
];

/**
 * The list itself, page by page: only reminders addressed to me or set by me, with the screen's tab, box and search.
 * Who is asking is settled before the first byte goes out: an API key has no reminders.
 */
export function reminderExportPages(ctx: Ctx, filters: ReminderFilters, pageSize = 200): AsyncIterable<ReminderOut[]> {
  personOf(ctx);
  return (async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await listReminders(ctx, { ...filters, limit: pageSize, cursor });
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  })();
}
