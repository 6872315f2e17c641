// The calendar's days in Jalali, in Tehran time whatever the browser's zone (as the server counts them).
import { fromJalali, JALALI_MONTHS_FA, jalaliMonthLength, toJalali } from '@common/jalali.js';

export type CalendarView = 'day' | 'week' | 'month';
export type Day = { start: Date; year: number; month: number; day: number; key: string; weekday: number; inMonth: boolean };

const HOUR = 3_600_000;

/** Midnight (Tehran) of the day an instant falls on. */
export function dayStart(at: Date): Date {
  const j = toJalali(at);
  return fromJalali(j.year, j.month, j.day);
}

/** The day `n` days after (or before) the one `at` falls on; 30-hour steps land right across clock shifts. */
export function addDays(at: Date, n: number): Date {
  let d = dayStart(at);
  const step = n >= 0 ? 1 : -1;
  for (let i = 0; i !== n; i += step) d = dayStart(new Date(d.getTime() + step * (step > 0 ? 30 : 18) * HOUR));
  return d;
}

/** 0 = Saturday … 6 = Friday (the Iranian week). Tehran noon is the same calendar day in UTC. */
export const weekdayOf = (at: Date) => (new Date(dayStart(at).getTime() + 12 * HOUR).getUTCDay() + 1) % 7;

export const dayKey = (at: Date) => {
  const j = toJalali(at);
  return `${j.year}/${String(j.month).padStart(2, '0')}/${String(j.day).padStart(2, '0')}`;
};

function dayOf(start: Date, month: number | null): Day {
  const j = toJalali(start);
  return { start, year: j.year, month: j.month, day: j.day, key: dayKey(start), weekday: weekdayOf(start), inMonth: month === null || j.month === month };
}

/** The weeks of the month `at` falls in, Saturday first, padded with the neighbouring months' days. */
export function monthWeeks(at: Date): Day[][] {
  const j = toJalali(at);
  const first = fromJalali(j.year, j.month, 1);
  const last = fromJalali(j.year, j.month, jalaliMonthLength(j.year, j.month));
  let cursor = addDays(first, -weekdayOf(first));
  const end = addDays(last, 6 - weekdayOf(last));
  const weeks: Day[][] = [];
  while (cursor.getTime() <= end.getTime()) {
    const week: Day[] = [];
    for (let i = 0; i < 7; i++) { week.push(dayOf(cursor, j.month)); cursor = addDays(cursor, 1); }
    weeks.push(week);
  }
  return weeks;
}

export const weekDays = (at: Date): Day[] => {
  const first = addDays(at, -weekdayOf(at));
  return Array.from({ length: 7 }, (_, i) => dayOf(addDays(first, i), null));
};

/** The visible days of a view. */
export function visibleDays(view: CalendarView, at: Date): Day[] {
  if (view === 'day') return [dayOf(dayStart(at), null)];
  if (view === 'week') return weekDays(at);
  return monthWeeks(at).flat();
}

/** One step back or forward in the view's unit. */
export function step(view: CalendarView, at: Date, dir: 1 | -1): Date {
  if (view === 'day') return addDays(at, dir);
  if (view === 'week') return addDays(at, 7 * dir);
  const j = toJalali(at);
  const m = j.month + dir;
  const [y, mm] = m < 1 ? [j.year - 1, 12] : m > 12 ? [j.year + 1, 1] : [j.year, m];
  return fromJalali(y, mm, Math.min(j.day, jalaliMonthLength(y, mm)));
}

/** The view's title: «اسفند ۱۴۰۳», or the week's first and last day. */
export function title(view: CalendarView, at: Date, digits: (s: string | number) => string): string {
  const j = toJalali(at);
  if (view === 'month') return `${JALALI_MONTHS_FA[j.month - 1]} ${digits(j.year)}`;
  const days = visibleDays(view, at);
  const a = days[0]!;
  const b = days.at(-1)!;
  const one = (d: Day) => `${digits(d.day)} ${JALALI_MONTHS_FA[d.month - 1]}`;
  return view === 'day' ? `${one(a)} ${digits(a.year)}` : `${one(a)} تا ${one(b)} ${digits(b.year)}`;
}

/** Where an activity lands when dropped on a day (keeping its time of day) or on an hour of a day (keeping its minutes). */
export function dropTime(original: Date, target: Day, hour?: number): Date {
  const t = toJalali(original);
  return fromJalali(target.year, target.month, target.day, hour ?? t.hour, t.minute);
}

/** The Tehran hour an instant falls in. */
export const hourOf = (at: Date) => toJalali(at).hour;
