import { eq } from 'drizzle-orm';
import { AUDIENCE_LABELS, type AnnouncementOut } from '../../../common/contracts/announcements.contract.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime } from '../../platform/export/export-values.js';
import { personOf } from './announcements.service.js';
import { selectSent } from './announcements.repository.js';
import { announcements } from './announcements.table.js';

const audienceText = (a: AnnouncementOut) => (a.audience === 'all' ? AUDIENCE_LABELS.all.fa : `${AUDIENCE_LABELS[a.audience].fa}: ${a.targetName ?? '—'}`);

/** The sent list's columns, with the read counts the sender sees beside each announcement. */
export const ANNOUNCEMENT_EXPORT_COLUMNS: ExportColumn<AnnouncementOut>[] = [
  { header: 'زمان ارسال', value: (r) => jalaliDateTime(r.createdAt), width: 16 },
  { header: 'عنوان', value: (r) => r.title, width: 30 },
  { header: 'متن', value: (r) => r.body, width: 60 },
  { header: 'مخاطبان', value: audienceText, width: 24 },
  { header: 'فرستنده', value: (r) => r.senderName, width: 18 },
  { header: 'تعداد گیرندگان', value: (r) => r.recipientCount, width: 12 },
  { header: 'خوانده‌شده', value: (r) => r.readCount ?? 0, width: 10 },
  { header: 'خوانده‌نشده', value: (r) => r.recipientCount - (r.readCount ?? 0), width: 10 },
];

/**
 * The sent list (mine; every one of the company's for an admin) with its search, newest first, page by page.
 * Who is asking is settled before the first byte goes out: an API key has no sent list.
 */
export function sentExportPages(ctx: Ctx, q: { q?: string | undefined }, pageSize = 500): AsyncIterable<AnnouncementOut[]> {
  const me = personOf(ctx);
  const sender = ctx.principal.isAdmin ? undefined : eq(announcements.senderId, me);
  return (async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await inTenant(ctx.db, ctx, (tx) => selectSent(tx, ctx.tenantId, sender, { ...q, limit: pageSize, cursor }));
      yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  })();
}
