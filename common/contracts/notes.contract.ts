import { z } from 'zod';
import { registerFieldLabels } from '../field-labels.js';
import { zOptional, zPersianText } from '../validators/zod.js';

/** Notes (یادداشت‌ها) on a customer or another linked record: defined once for the API, OpenAPI and the web. */

registerFieldLabels({ body: 'متن', isPrivate: 'خصوصی', linkType: 'نوع رکورد پیوندی', linkId: 'رکورد پیوندی', customerId: 'مشتری' });

export const NOTE_BODY_MAX = 4000;
const optUuid = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().optional());
const linkTypeField = zOptional(z.string().regex(/^[a-z][a-zA-Z]{1,30}$/, 'نوع رکورد پیوندی معتبر نیست')).nullable();

/** The record a note or a wall post is on: `customerId` alone, or (linkType, linkId). */
export const recordLinkShape = { customerId: optUuid, linkType: linkTypeField, linkId: optUuid };

export const noteCreate = z.object({
  ...recordLinkShape,
  body: zPersianText({ label: 'متن یادداشت', max: NOTE_BODY_MAX, multiline: true }),
  /** Private: only the author ever sees it (no role, administrators included). */
  isPrivate: z.boolean().default(false),
});
export const notePatch = z.object({
  body: zPersianText({ label: 'متن یادداشت', max: NOTE_BODY_MAX, multiline: true }).optional(),
  isPrivate: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});
export type NoteCreate = z.infer<typeof noteCreate>;
export type NotePatch = z.infer<typeof notePatch>;

export const noteOut = z.object({
  id: z.string(),
  linkType: z.string(),
  linkId: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  /** «مشتری: شرکت فولاد» and where the web app shows it. */
  recordTitle: z.string().nullable(),
  recordPath: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  isPrivate: z.boolean(),
  /** The author: the only one who may edit or delete it. */
  isMine: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteOut = z.infer<typeof noteOut>;

export const noteFilters = z.object({
  ...recordLinkShape,
  q: z.string().max(200).optional(),
  authorId: z.uuid().optional(),
  /** Only my notes. */
  mine: z.enum(['true', 'false']).optional(),
  /** true: only (my) private notes; false: only public ones. */
  private: z.enum(['true', 'false']).optional(),
});
export type NoteFilters = z.infer<typeof noteFilters>;
export const noteListQuery = noteFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type NoteListQuery = z.infer<typeof noteListQuery>;
export const noteExportQuery = noteFilters.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const notePage = z.object({ items: z.array(noteOut), nextCursor: z.string().nullable() });
