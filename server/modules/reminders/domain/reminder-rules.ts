// Pure rules of reminders: when one may be set or changed, and what its delivery says.
import { SMS_MAX_LENGTH } from '../../../../common/contracts/sms.contract.js';
import { formatJalali } from '../../../../common/jalali.js';
import type { ReminderStatus } from '../../../../common/contracts/reminders.contract.js';

/** A reminder more than this far ahead is almost surely a typo in the year. */
export const MAX_AHEAD_MS = 5 * 366 * 24 * 3_600_000;

export const MSG = {
  past: 'زمان یادآور باید بعد از اکنون باشد',
  tooFar: 'زمان یادآور حداکثر پنج سال بعد است',
  recipientMissing: 'گیرنده انتخاب‌شده پیدا نشد',
  recipientInactive: 'گیرنده انتخاب‌شده غیرفعال است؛ برای همکار غیرفعال یادآور ثبت نمی‌شود',
  recipientForbidden: 'اجازه ثبت یادآور برای این همکار را ندارید',
  onlyCreator: 'فقط کسی که یادآور را ثبت کرده می‌تواند آن را تغییر دهد یا حذف کند.',
  noLongerEditable: 'زمان این یادآور رسیده یا اعلام شده است؛ دیگر ویرایش یا حذف نمی‌شود.',
  noMobile: 'برای گیرنده شماره موبایل ثبت نشده است؛ پیامک فرستاده نشد',
  inactive: 'گیرنده غیرفعال است؛ پیامک فرستاده نشد',
} as const;

/** The Persian message for a due time that cannot be set, or null when it is fine. */
export function dueProblem(dueAt: Date, now: Date): string | null {
  if (dueAt.getTime() <= now.getTime()) return MSG.past;
  if (dueAt.getTime() - now.getTime() > MAX_AHEAD_MS) return MSG.tooFar;
  return null;
}

type Editable = { status: ReminderStatus; dueAt: Date; createdBy: string | null };
/** Until it falls due, the person who set it may change or delete it. */
export const isEditable = (r: Editable, userId: string | null, now: Date) =>
  r.status === 'pending' && r.dueAt.getTime() > now.getTime() && !!userId && r.createdBy === userId;

type Deliverable = { id: string; text: string; dueAt: Date; linkTitle: string | null; linkPath: string | null; createdBy: string | null; recipientId: string };

const firstLine = (s: string) => s.split('\n')[0]!.trim();

/** The notification that pops up: the text, who set it (when not the recipient) and what it is about. */
export function notificationOf(r: Deliverable, creatorName: string | null) {
  const head = firstLine(r.text);
  const by = r.createdBy && r.createdBy !== r.recipientId && creatorName ? `ثبت‌شده توسط ${creatorName}` : null;
  const about = r.linkTitle ? `دربارهٔ ${r.linkTitle}` : null;
  return {
    userId: r.recipientId,
    kind: 'reminder',
    title: `یادآور: ${head.length > 180 ? `${head.slice(0, 180)}…` : head}`,
    body: [r.text, about, by].filter(Boolean).join('\n').slice(0, 4000),
    link: r.linkPath ?? `/reminders?open=${r.id}`,
  };
}

/** The SMS: short, with the time it was set for and the record, within one outbox message. */
export function smsTextOf(r: Deliverable): string {
  const when = formatJalali(r.dueAt, { digits: 'latin', time: true }); // the outbox normalizes to Latin digits anyway
  const about = r.linkTitle ? ` (${r.linkTitle})` : '';
  const text = `یادآور ${when}${about}: ${r.text}`;
  return text.length > SMS_MAX_LENGTH ? `${text.slice(0, SMS_MAX_LENGTH - 1)}…` : text;
}
