import { describe, expect, it } from 'vitest';
import { addDays, dropTime, monthWeeks, step, title, visibleDays, weekdayOf } from './calendar-math.js';

const at = (iso: string) => new Date(iso);

describe('Jalali calendar grid', () => {
  it('lays Esfand 1403 out in Saturday-first weeks', () => {
    const weeks = monthWeeks(at('2025-03-10T07:00:00Z'));
    // 1 Esfand 1403 was a Wednesday (weekday 4): the first row starts with four days of Bahman.
    expect(weeks[0]!.map((d) => [d.month, d.day])).toEqual([[11, 27], [11, 28], [11, 29], [11, 30], [12, 1], [12, 2], [12, 3]]);
    expect(weeks.at(-1)!.at(-1)!.weekday).toBe(6);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
  });
  it('knows weekdays in Tehran whatever the instant', () => {
    expect(weekdayOf(at('2025-03-09T20:30:00Z'))).toBe(2); // Monday 20 Esfand at Tehran midnight
    expect(weekdayOf(at('2025-03-14T12:00:00Z'))).toBe(6); // Friday
  });
  it('steps months across the year end and keeps the day where it can', () => {
    const esfand30 = at('2025-03-19T12:00:00Z');
    expect(title('month', step('month', esfand30, 1), String)).toBe('فروردین 1404');
    expect(title('month', step('month', at('2025-01-10T12:00:00Z'), -1), String)).toBe('آذر 1403');
    expect(visibleDays('week', at('2025-03-10T07:00:00Z')).map((d) => d.day)).toEqual([18, 19, 20, 21, 22, 23, 24]);
    expect(addDays(at('2025-03-10T07:00:00Z'), -10).toISOString()).toBe('2025-02-27T20:30:00.000Z');
  });
  it('a drop keeps the time of day, or takes the hour of the slot', () => {
    const day = visibleDays('day', at('2025-03-12T07:00:00Z'))[0]!;
    expect(dropTime(at('2025-03-10T07:45:00Z'), day).toISOString()).toBe('2025-03-12T07:45:00.000Z');
    expect(dropTime(at('2025-03-10T07:45:00Z'), day, 15).toISOString()).toBe('2025-03-12T11:45:00.000Z');
  });
});
