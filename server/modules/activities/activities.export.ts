import {
  ACTIVITY_STATUS_LABELS, CALL_DIRECTION_LABELS, FOLLOW_UP_OUTCOME_LABELS, type ActivityFilters, type ActivityOut,
} from '../../../common/contracts/activities.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, yesNo } from '../../platform/export/export-values.js';
import { listActivities } from './activities.service.js';

export const ACTIVITY_EXPORT_COLUMNS: ExportColumn<ActivityOut>[] = [
  { header: 'نوع فعالیت', value: (r) => r.typeName, width: 12 },
  { header: 'موضوع', value: (r) => r.subject, width: 32 },
  { header: 'زمان شروع', value: (r) => jalaliDateTime(r.startsAt), width: 16 },
  { header: 'زمان پایان', value: (r) => jalaliDateTime(r.endsAt), width: 16 },
  { header: 'مدت (دقیقه)', value: (r) => r.durationMinutes, width: 10 },
  { header: 'وضعیت', value: (r) => ACTIVITY_STATUS_LABELS[r.status], width: 12 },
  { header: 'مسئول', value: (r) => r.responsibleName, width: 18 },
  { header: 'مشتری', value: (r) => r.customerName, width: 24 },
  { header: 'رابط مشتری', value: (r) => r.contactName, width: 18 },
  { header: 'جهت تماس', value: (r) => (r.direction ? CALL_DIRECTION_LABELS[r.direction] : null), width: 10 },
  { header: 'محل', value: (r) => r.location, width: 20 },
  { header: 'مدعوین', value: (r) => r.invitees.map((i) => i.name).join('، ') || null, width: 24 },
  { header: 'پیگیری', value: (r) => yesNo(r.isFollowUp), width: 8 },
  { header: 'نتیجه پیگیری', value: (r) => (r.outcome ? FOLLOW_UP_OUTCOME_LABELS[r.outcome] : null), width: 12 },
  { header: 'توضیحات', value: (r) => r.description, width: 40 },
];

/** The list's own query (filters and record scope) page by page, so memory stays flat however many rows. */
export async function* activityExportPages(ctx: Ctx, filters: ActivityFilters, pageSize = 500): AsyncIterable<ActivityOut[]> {
  let cursor: string | undefined;
  do {
    const page = await listActivities(ctx, { ...filters, limit: pageSize, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
