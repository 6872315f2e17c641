import { z } from 'zod';
import { registerFieldLabels } from '../field-labels.js';
import { zPersianText } from '../validators/zod.js';

/** Announcements (اطلاعیه‌ها) from managers to staff, with per-person read status. */

registerFieldLabels({ title: 'عنوان', body: 'متن', audience: 'مخاطبان', targetId: 'نقش یا واحد' });

export const AUDIENCES = ['all', 'role', 'unit'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, { fa: string; en: string }> = {
  all: { fa: 'همه پرسنل', en: 'All staff' },
  role: { fa: 'یک نقش', en: 'A role' },
  unit: { fa: 'یک واحد سازمانی', en: 'An organization unit' },
};

const announcementFields = z.object({
  title: zPersianText({ label: 'عنوان', max: 200 }),
  body: zPersianText({ label: 'متن اطلاعیه', max: 4000, multiline: true }),
  audience: z.enum(AUDIENCES, { error: 'مخاطبان اطلاعیه (همه، یک نقش یا یک واحد) را انتخاب کنید' }),
  targetId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'نقش یا واحد انتخاب‌شده معتبر نیست' }).nullable().optional()),
});

/** A role or unit audience names which one; shared by send and edit. */
export const TARGET_REQUIRED = { role: 'نقش مخاطب را انتخاب کنید', unit: 'واحد مخاطب را انتخاب کنید' } as const;

export const announcementCreate = announcementFields.superRefine((v, ctx) => {
  if (v.audience !== 'all' && !v.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: TARGET_REQUIRED[v.audience] });
});
export type AnnouncementCreate = z.infer<typeof announcementCreate>;

/**
 * The sender's edit: any of the fields of a new one. A new role/unit audience needs its targetId (a targetId alone
 * keeps the audience kind). `version` (from the list or the detail) refuses the edit with 409 if someone changed it since.
 */
export const announcementPatch = announcementFields.partial().extend({ version: z.number().int().nonnegative().optional() }).superRefine((v, ctx) => {
  if (v.audience && v.audience !== 'all' && !v.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: TARGET_REQUIRED[v.audience] });
});
export type AnnouncementPatch = z.infer<typeof announcementPatch>;

export const announcementOut = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  audience: z.enum(AUDIENCES),
  targetId: z.string().nullable(),
  /** The role or unit as named when it was sent. */
  targetName: z.string().nullable(),
  senderId: z.string().nullable(),
  senderName: z.string().nullable(),
  createdAt: z.string(),
  recipientCount: z.number(),
  /** Mine as a recipient; null for the sender's own view. */
  readAt: z.string().nullable(),
  /** Known to the sender (and admins) only. */
  readCount: z.number().nullable(),
  /** Send it back with an edit; it changes with every edit. */
  version: z.number(),
  /** When its sender last changed it; null if never. */
  editedAt: z.string().nullable(),
});
export type AnnouncementOut = z.infer<typeof announcementOut>;

export const announcementListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type AnnouncementListQuery = z.infer<typeof announcementListQuery>;
/** The sent list as the screen shows it (search only), with read counts, as XLSX or CSV. */
export const announcementExportQuery = z.object({ q: z.string().max(200).optional(), format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const announcementPage = z.object({ items: z.array(announcementOut), nextCursor: z.string().nullable(), unreadCount: z.number() });

export const readStatusRow = z.object({ userId: z.string(), name: z.string(), unitName: z.string().nullable(), readAt: z.string().nullable() });
export const readStatusOut = z.object({ items: z.array(readStatusRow), total: z.number(), readCount: z.number() });
export type ReadStatusRow = z.infer<typeof readStatusRow>;
export type ReadStatusOut = z.infer<typeof readStatusOut>;

export const audienceOptions = z.object({
  /** Whether "all staff" is everyone (scope all) or only the people of the sender's units. */
  allLabel: z.string(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type AudienceOptions = z.infer<typeof audienceOptions>;
