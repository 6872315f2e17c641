import { z } from 'zod';
import { zJalaliDate, zOptional, zPersianText } from '../validators/zod.js';
import { registerFieldLabels } from '../field-labels.js';
import { toLatinDigits, toPersianDigits } from '../text.js';

/** Activities, follow-ups and activity types: defined once for the API, OpenAPI and the web forms. */

registerFieldLabels({
  typeId: 'نوع فعالیت', subject: 'موضوع', startsAt: 'زمان شروع', endsAt: 'زمان پایان', durationMinutes: 'مدت',
  status: 'وضعیت', responsibleId: 'مسئول', customerId: 'مشتری', contactId: 'رابط مشتری', direction: 'جهت تماس',
  location: 'محل جلسه', invitees: 'مدعوین', userId: 'کاربر', audio: 'فایل صوتی', result: 'نتیجه تماس',
  outcome: 'نتیجه', outcomeNote: 'توضیح نتیجه', to: 'زمان جدید', color: 'رنگ', icon: 'نماد', linkType: 'نوع رکورد پیوندی',
  linkId: 'رکورد پیوندی', isFollowUp: 'پیگیری', sortOrder: 'ترتیب', note: 'توضیح',
});

/** What an activity type behaves like: a call has a direction and a recording, a meeting a place and invitees. */
export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task', 'sms', 'visit', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, { fa: string; en: string }> = {
  call: { fa: 'تماس', en: 'Call' },
  meeting: { fa: 'جلسه', en: 'Meeting' },
  email: { fa: 'ایمیل', en: 'Email' },
  task: { fa: 'وظیفه', en: 'Task' },
  sms: { fa: 'پیامک', en: 'SMS' },
  visit: { fa: 'بازدید', en: 'Visit' },
  other: { fa: 'سایر', en: 'Other' },
};

export const ACTIVITY_STATUSES = ['open', 'in_progress', 'done', 'canceled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { open: 'باز', in_progress: 'در حال انجام', done: 'انجام‌شده', canceled: 'لغوشده' };
/** Statuses that still need someone to act: these can be overdue and appear in the cartable. */
export const PENDING_STATUSES: readonly ActivityStatus[] = ['open', 'in_progress'];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export const CALL_DIRECTION_LABELS = { in: 'ورودی', out: 'خروجی' } as const;

export const FOLLOW_UP_OUTCOMES = ['successful', 'unsuccessful'] as const;
export const FOLLOW_UP_OUTCOME_LABELS = { successful: 'موفق', unsuccessful: 'ناموفق' } as const;

/** The icons a type may use; the web maps each key to a Material icon. */
export const ACTIVITY_ICONS = ['call', 'meeting', 'email', 'task', 'sms', 'visit', 'event', 'flag', 'star', 'support', 'handshake', 'note'] as const;
export type ActivityIcon = (typeof ACTIVITY_ICONS)[number];

const exportFormat = z.enum(['csv', 'xlsx']).default('xlsx');
const optUuid = z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().optional());
const optText = (label: string, max: number, multiline = false) => zOptional(zPersianText({ label, max, multiline })).nullable();
/** Whole minutes typed in any digits ("۴۵") or sent as a number. */
const minutes = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : /^\s*[0-9۰-۹٠-٩]+\s*$/.test(v) ? Number(toLatinDigits(v.trim())) : v) : v),
    z.number({ error: `${label} باید عدد صحیح دقیقه باشد` }).int(`${label} باید عدد صحیح دقیقه باشد`).min(0, `${label} نمی‌تواند منفی باشد`)
      .max(max, `${label} حداکثر ${toPersianDigits(max)} دقیقه است`).nullable().optional(),
  );

// ── Activity types ───────────────────────────────────────────────────────────
const hexColor = z.preprocess((v) => (typeof v === 'string' ? toLatinDigits(v).trim() : v),
  z.string({ error: 'رنگ الزامی است' }).regex(/^#[0-9a-fA-F]{6}$/, 'رنگ باید به شکل #RRGGBB باشد'));
export const activityTypeCreate = z.object({
  name: zPersianText({ label: 'عنوان نوع فعالیت', max: 60 }),
  kind: z.enum(ACTIVITY_KINDS, { error: 'رفتار نوع فعالیت (تماس، جلسه، …) را انتخاب کنید' }).default('other'),
  color: hexColor,
  icon: z.enum(ACTIVITY_ICONS, { error: 'نماد انتخاب‌شده معتبر نیست' }),
  sortOrder: z.preprocess((v) => (typeof v === 'string' && v.trim() ? Number(toLatinDigits(v.trim())) : v), z.number().int().min(0).max(10000)).optional(),
  active: z.boolean().optional(),
});
/** The behaviour of a type is fixed once activities use it, so a patch leaves `kind` out. */
export const activityTypePatch = activityTypeCreate.omit({ kind: true }).partial().extend({ version: z.number().int().positive().optional() });
export type ActivityTypeCreate = z.infer<typeof activityTypeCreate>;
export type ActivityTypePatch = z.infer<typeof activityTypePatch>;
export const activityTypeOut = z.object({
  id: z.string(), name: z.string(), kind: z.enum(ACTIVITY_KINDS), color: z.string(), icon: z.string(), sortOrder: z.number(),
  active: z.boolean(), isSystem: z.boolean(), version: z.number(),
});
export type ActivityTypeOut = z.infer<typeof activityTypeOut>;

// ── Activities ────────────────────────────────────────────────────────────────
export const inviteeInput = z.object({ userId: optUuid, contactId: optUuid });
export type InviteeInput = z.infer<typeof inviteeInput>;

const activityShape = {
  typeId: z.uuid({ error: 'نوع فعالیت را انتخاب کنید' }),
  subject: zPersianText({ label: 'موضوع', max: 200 }),
  description: optText('توضیحات', 4000, true),
  startsAt: zJalaliDate('زمان شروع'),
  endsAt: zOptional(zJalaliDate('زمان پایان')).nullable(),
  durationMinutes: minutes('مدت', 10080),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** Defaults to the person recording it. */
  responsibleId: optUuid,
  /** A shortcut for linkType "customer". */
  customerId: optUuid,
  /** A record of another module (a deal, a document, …) the activity is about. */
  linkType: zOptional(z.string().regex(/^[a-z][a-zA-Z]{1,30}$/, 'نوع رکورد پیوندی معتبر نیست')).nullable(),
  linkId: optUuid,
  contactId: optUuid,
  direction: z.preprocess((v) => (v === '' ? null : v), z.enum(CALL_DIRECTIONS).nullable().optional()),
  location: optText('محل جلسه', 300),
  invitees: z.array(inviteeInput).max(50, 'حداکثر ۵۰ مدعو').optional(),
  isFollowUp: z.boolean().optional(),
};

type Times = { startsAt?: Date | undefined; endsAt?: Date | null | undefined };
/** Checks that need no database; the service checks the merged record again on a patch. */
export function checkActivityTimes(v: Times, ctx: z.RefinementCtx) {
  if (v.startsAt && v.endsAt && v.endsAt.getTime() < v.startsAt.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'زمان پایان نمی‌تواند پیش از زمان شروع باشد' });
  }
}

export const activityCreate = z.object(activityShape).superRefine(checkActivityTimes);
export const activityPatch = z.object(activityShape).partial().extend({ version: z.number().int().positive().optional() }).superRefine(checkActivityTimes);
export type ActivityCreate = z.infer<typeof activityCreate>;
export type ActivityPatch = z.infer<typeof activityPatch>;

export const inviteeOut = z.object({ userId: z.string().nullable(), contactId: z.string().nullable(), name: z.string() });
export const activityOut = z.object({
  id: z.string(), typeId: z.string(), typeName: z.string(), typeColor: z.string(), typeIcon: z.string(), kind: z.enum(ACTIVITY_KINDS),
  subject: z.string(), description: z.string().nullable(), startsAt: z.string(), endsAt: z.string().nullable(), durationMinutes: z.number().nullable(),
  status: z.enum(ACTIVITY_STATUSES), responsibleId: z.string(), responsibleName: z.string().nullable(), createdBy: z.string().nullable(),
  linkType: z.string().nullable(), linkId: z.string().nullable(), customerId: z.string().nullable(), customerName: z.string().nullable(),
  customerMobile: z.string().nullable(), contactId: z.string().nullable(), contactName: z.string().nullable(),
  direction: z.enum(CALL_DIRECTIONS).nullable(), audioFileId: z.string().nullable(), location: z.string().nullable(),
  isFollowUp: z.boolean(), parentId: z.string().nullable(), outcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(), outcomeNote: z.string().nullable(),
  postponeCount: z.number(), referredBy: z.string().nullable(), completedAt: z.string().nullable(),
  /** Still pending and its time has passed. */
  overdue: z.boolean(),
  invitees: z.array(inviteeOut), version: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type ActivityOut = z.infer<typeof activityOut>;

const statusList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.enum(ACTIVITY_STATUSES, { error: 'وضعیت از مقادیر مجاز نیست' })).max(4),
).optional();

export const activityFilters = z.object({
  q: z.string().max(200).optional(),
  typeId: z.uuid().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  status: statusList,
  responsibleId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  linkType: z.string().max(40).optional(),
  linkId: z.uuid().optional(),
  followUp: z.enum(['true', 'false']).optional(),
  /** Mine: I am responsible for it or invited to it. */
  mine: z.enum(['true', 'false']).optional(),
  /** A Jalali period by day: from the start of `from` to the end of `to`. */
  from: zOptional(zJalaliDate('از تاریخ')),
  to: zOptional(zJalaliDate('تا تاریخ')),
  sort: z.enum(['startsAt', '-startsAt']).default('-startsAt'),
});
export type ActivityFilters = z.infer<typeof activityFilters>;
export const activityListQuery = activityFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(300).optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;
export const activityExportQuery = activityFilters.extend({ format: exportFormat });
export const activityPage = z.object({ items: z.array(activityOut), nextCursor: z.string().nullable() });

export const MY_BUCKETS = ['today', 'overdue', 'upcoming'] as const;
export type MyBucket = (typeof MY_BUCKETS)[number];
export const myActivitiesQuery = z.object({
  bucket: z.enum(MY_BUCKETS).default('today'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export const bucketCounts = z.object({ today: z.number(), overdue: z.number(), upcoming: z.number() });
export const myActivitiesOut = activityPage.extend({ counts: bucketCounts });

// ── Follow-ups (کارتابل پیگیری) ───────────────────────────────────────────────
export const FOLLOW_UP_VIEWS = ['due', 'upcoming'] as const;
export const followUpQuery = z.object({
  view: z.enum(FOLLOW_UP_VIEWS).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export const followUpOut = activityOut.extend({ lastResult: z.string().nullable(), logCount: z.number() });
export type FollowUpOut = z.infer<typeof followUpOut>;
export const followUpPage = z.object({ items: z.array(followUpOut), nextCursor: z.string().nullable(), counts: z.object({ due: z.number(), overdue: z.number(), upcoming: z.number() }) });

export const postponeInput = z.object({ to: zJalaliDate('زمان جدید'), note: optText('توضیح', 1000, true) });
export const closeInput = z.object({
  outcome: z.enum(FOLLOW_UP_OUTCOMES, { error: 'نتیجه پیگیری (موفق یا ناموفق) را انتخاب کنید' }),
  outcomeNote: optText('توضیح نتیجه', 2000, true),
});
export const referInput = z.object({ userId: z.uuid({ error: 'کاربری که پیگیری به او ارجاع می‌شود را انتخاب کنید' }), note: optText('توضیح', 1000, true) });
/** One click from the cartable: the call's result, and what happens to the follow-up next. */
export const logCallInput = z
  .object({
    result: zPersianText({ label: 'نتیجه تماس', max: 4000, multiline: true }),
    direction: z.enum(CALL_DIRECTIONS).default('out'),
    durationMinutes: minutes('مدت تماس', 600),
    next: z.enum(['keep', 'postpone', 'close']).default('keep'),
    to: zOptional(zJalaliDate('زمان جدید')),
    outcome: z.enum(FOLLOW_UP_OUTCOMES).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.next === 'postpone' && !v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'زمان جدید پیگیری الزامی است' });
    if (v.next === 'close' && !v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'نتیجه پیگیری (موفق یا ناموفق) را انتخاب کنید' });
  });
export type PostponeInput = z.infer<typeof postponeInput>;
export type CloseInput = z.infer<typeof closeInput>;
export type ReferInput = z.infer<typeof referInput>;
export type LogCallInput = z.infer<typeof logCallInput>;
