import { toPersianDigits } from '../../../../common/text.js';

export type TimesInput = { startsAt: Date; endsAt?: Date | null | undefined; durationMinutes?: number | null | undefined };
export type TimesResult = { ok: true; endsAt: Date | null } | { ok: false; path: 'endsAt' | 'durationMinutes'; message: string };

const MINUTE = 60_000;

/**
 * One end time from what was typed: an end, a duration, both (they must agree) or neither.
 * Durations are whole minutes; an end before the start is refused.
 */
export function resolveEnd(v: TimesInput): TimesResult {
  const end = v.endsAt ?? null;
  if (end && end.getTime() < v.startsAt.getTime()) return { ok: false, path: 'endsAt', message: 'زمان پایان نمی‌تواند پیش از زمان شروع باشد' };
  if (v.durationMinutes == null) return { ok: true, endsAt: end };
  const fromDuration = new Date(v.startsAt.getTime() + v.durationMinutes * MINUTE);
  if (end && Math.abs(end.getTime() - fromDuration.getTime()) >= MINUTE) {
    return { ok: false, path: 'durationMinutes', message: `مدت (${toPersianDigits(v.durationMinutes)} دقیقه) با زمان پایان همخوانی ندارد` };
  }
  return { ok: true, endsAt: end ?? fromDuration };
}

/** Whole minutes between start and end, or null without an end. */
export const durationOf = (startsAt: Date, endsAt: Date | null) => (endsAt ? Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE) : null);

/** Moving only the start keeps the length: dragging an activity in the calendar moves its end too. */
export function shiftKeepingLength(before: { startsAt: Date; endsAt: Date | null }, newStart: Date): Date | null {
  return before.endsAt ? new Date(newStart.getTime() + (before.endsAt.getTime() - before.startsAt.getTime())) : null;
}
