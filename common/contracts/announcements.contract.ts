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

export const announcementCreate = z
  .object({
    title: zPersianText({ label: 'عنوان', max: 200 }),
    body: zPersianText({ label: 'متن اطلاعیه', max: 4000, multiline: true }),
    audience: z.enum(AUDIENCES, { error: 'مخاطبان اطلاعیه (همه، یک نقش یا یک واحد) را انتخاب کنید' }),
    targetId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'نقش یا واحد انتخاب‌شده معتبر نیست' }).nullable().optional()),
  })
  .superRefine((v, ctx) => {
    if (v.audience === 'role' && !v.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'نقش مخاطب را انتخاب کنید' });
    if (v.audience === 'unit' && !v.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'واحد مخاطب را انتخاب کنید' });
  });
export type AnnouncementCreate = z.infer<typeof announcementCreate>;

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
});
export type AnnouncementOut = z.infer<typeof announcementOut>;

export const announcementListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type AnnouncementListQuery = z.infer<typeof announcementListQuery>;
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
