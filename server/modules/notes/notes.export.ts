import type { NoteFilters, NoteOut } from '../../../common/contracts/notes.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { ExportColumn } from '../../platform/export/export.service.js';
import { jalaliDateTime, yesNo } from '../../platform/export/export-values.js';
import { listNotes } from './notes.service.js';

export const NOTE_EXPORT_COLUMNS: ExportColumn<NoteOut>[] = [
  { header: 'زمان ثبت', value: (r) => jalaliDateTime(r.createdAt), width: 16 },
  { header: 'نویسنده', value: (r) => r.authorName, width: 18 },
  { header: 'رکورد', value: (r) => r.recordTitle, width: 28 },
  { header: 'خصوصی', value: (r) => yesNo(r.isPrivate), width: 8 },
  { header: 'متن یادداشت', value: (r) => r.body, width: 60 },
  { header: 'آخرین ویرایش', value: (r) => (r.updatedAt !== r.createdAt ? jalaliDateTime(r.updatedAt) : null), width: 16 },
];

/** The list's own query, page by page: the same privacy and record visibility, so an export never shows more than the list. */
export async function* noteExportPages(ctx: Ctx, filters: NoteFilters, pageSize = 500): AsyncIterable<NoteOut[]> {
  let cursor: string | undefined;
  do {
    const page = await listNotes(ctx, { ...filters, limit: pageSize, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
