import { fromJalali, toJalali } from '../../../../common/jalali.js';

/** Midnight in Tehran of the day an instant falls on (days and periods are Tehran days for every user). */
export function tehranDayStart(at: Date): Date {
  const j = toJalali(at);
  return fromJalali(j.year, j.month, j.day);
}

/** Midnight in Tehran of the next day; 30 hours on lands in the next day whatever the clock shift. */
export const nextTehranDay = (at: Date): Date => tehranDayStart(new Date(tehranDayStart(at).getTime() + 30 * 3_600_000));

/** The bounds of "my activities": today is [today, tomorrow); overdue is pending before now; upcoming from tomorrow. */
export function dayBounds(now: Date) {
  return { today: tehranDayStart(now), tomorrow: nextTehranDay(now) };
}
