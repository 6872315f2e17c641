import { z } from 'zod';
import { registerFieldLabels } from '../field-labels.js';
import { zJalaliDate, zOptional, zPersianText } from '../validators/zod.js';

/** Reminders (یادآورها): defined once for the API, OpenAPI and the web forms. */

registerFieldLabels({ text: 'متن', dueAt: 'زمان یادآور', recipientId: 'گیرنده', viaSms: 'ارسال پیامک' });

export const REMINDER_STATUSES = ['pending', 'delivered', 'canceled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
export const REMINDER_STATUS_LABELS: Record<ReminderStatus, { fa: string; en: string }> = {
  pending: { fa: 'در انتظار', en: 'Pending' },
  delivered: { fa: 'اعلام‌شده', en: 'Delivered' },
  canceled: { fa: 'حذف‌شده', en: 'Deleted' },
};

export const REMINDER_TEXT_MAX = 1000;
const optUuid = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().optional());

const reminderShape = {
  text: zPersianText({ label: 'متن یادآور', max: REMINDER_TEXT_MAX, multiline: true }),
  /** Tehran wall time typed in Jalali (`۱۴۰۴/۰۵/۱۰ ۰۹:۳۰`), an ISO instant, or a Date. */
  dueAt: zJalaliDate('زمان یادآور'),
  /** Default: the person setting it. */
  recipientId: optUuid,
  viaSms: z.boolean().optional(),
  /** A shortcut for linkType "customer". */
  customerId: optUuid,
  linkType: zOptional(z.string().regex(/^[a-z][a-zA-Z]{1,30}$/, 'نوع رکورد پیوندی معتبر نیست')).nullable(),
  linkId: optUuid,
};

export const reminderCreate = z.object(reminderShape);
export const reminderPatch = z.object(reminderShape).partial().extend({ version: z.number().int().positive().optional() });
export type ReminderCreate = z.infer<typeof reminderCreate>;
export type ReminderPatch = z.infer<typeof reminderPatch>;

export const reminderOut = z.object({
  id: z.string(),
  text: z.string(),
  dueAt: z.string(),
  status: z.enum(REMINDER_STATUSES),
  recipientId: z.string(),
  recipientName: z.string().nullable(),
  /** False: an SMS asked for cannot go out (no mobile on the staff record); the pop-up still does. */
  recipientHasMobile: z.boolean(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  viaSms: z.boolean(),
  linkType: z.string().nullable(),
  linkId: z.string().nullable(),
  customerId: z.string().nullable(),
  linkTitle: z.string().nullable(),
  linkPath: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  smsMessageId: z.string().nullable(),
  /** Why no SMS went out although one was asked for. */
  smsNote: z.string().nullable(),
  /** Only the person who set it may change it, and only while it is pending. */
  editable: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type ReminderOut = z.infer<typeof reminderOut>;

export const REMINDER_VIEWS = ['upcoming', 'archive'] as const;
export const REMINDER_BOXES = ['all', 'received', 'sent'] as const;
export const reminderListQuery = z.object({
  /** upcoming: pending, soonest first; archive: delivered or deleted, newest first. */
  view: z.enum(REMINDER_VIEWS).default('upcoming'),
  /** received: addressed to me; sent: set by me for others; all: both. */
  box: z.enum(REMINDER_BOXES).default('all'),
  status: z.enum(REMINDER_STATUSES).optional(),
  q: z.string().max(200).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type ReminderListQuery = z.infer<typeof reminderListQuery>;
export type ReminderFilters = Omit<ReminderListQuery, 'limit' | 'cursor'>;
/** The reminders screen as it stands (tab, box, archive status, search) as XLSX or CSV. */
export const reminderExportQuery = reminderListQuery.omit({ limit: true, cursor: true }).extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') });
export const reminderPage = z.object({ items: z.array(reminderOut), nextCursor: z.string().nullable() });

export const recipientOption = z.object({ id: z.string(), name: z.string(), hasMobile: z.boolean(), isMe: z.boolean() });
export const recipientOptions = z.object({ items: z.array(recipientOption) });
export type RecipientOption = z.infer<typeof recipientOption>;
