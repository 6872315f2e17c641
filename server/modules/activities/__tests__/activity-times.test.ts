import { describe, expect, it } from 'vitest';
import { resolveEnd, shiftKeepingLength } from '../domain/activity-times.js';
import { dayBounds, nextTehranDay, tehranDayStart } from '../domain/day-bounds.js';

const at = (iso: string) => new Date(iso);

describe('activity end time', () => {
  const start = at('2025-03-10T07:00:00Z');
  it('takes an end, a duration, or both when they agree', () => {
    expect(resolveEnd({ startsAt: start })).toEqual({ ok: true, endsAt: null });
    expect(resolveEnd({ startsAt: start, durationMinutes: 45 })).toEqual({ ok: true, endsAt: at('2025-03-10T07:45:00Z') });
    expect(resolveEnd({ startsAt: start, endsAt: at('2025-03-10T07:45:00Z'), durationMinutes: 45 })).toEqual({ ok: true, endsAt: at('2025-03-10T07:45:00Z') });
  });
  it('refuses an end before the start, and a duration that contradicts the end', () => {
    expect(resolveEnd({ startsAt: start, endsAt: at('2025-03-10T06:59:00Z') })).toMatchObject({ ok: false, path: 'endsAt' });
    expect(resolveEnd({ startsAt: start, endsAt: at('2025-03-10T08:00:00Z'), durationMinutes: 30 })).toMatchObject({ ok: false, path: 'durationMinutes', message: 'مدت (۳۰ دقیقه) با زمان پایان همخوانی ندارد' });
  });
  it('moving the start keeps the length', () => {
    expect(shiftKeepingLength({ startsAt: start, endsAt: at('2025-03-10T08:30:00Z') }, at('2025-03-12T05:00:00Z'))).toEqual(at('2025-03-12T06:30:00Z'));
    expect(shiftKeepingLength({ startsAt: start, endsAt: null }, at('2025-03-12T05:00:00Z'))).toBeNull();
  });
});

describe('Tehran days', () => {
  it('a day starts at midnight Tehran whatever the server zone', () => {
    expect(tehranDayStart(at('2025-03-10T07:00:00Z'))).toEqual(at('2025-03-09T20:30:00Z'));
    expect(tehranDayStart(at('2025-03-09T20:29:59Z'))).toEqual(at('2025-03-08T20:30:00Z'));
    expect(nextTehranDay(at('2025-03-10T07:00:00Z'))).toEqual(at('2025-03-10T20:30:00Z'));
  });
  it('crosses the Jalali new year and old daylight-saving days', () => {
    expect(dayBounds(at('2025-03-20T12:00:00Z'))).toEqual({ today: at('2025-03-19T20:30:00Z'), tomorrow: at('2025-03-20T20:30:00Z') });
    // Summer 1401: Tehran still had daylight saving (+04:30), so midnight is 19:30 UTC.
    expect(nextTehranDay(at('2022-06-01T12:00:00Z'))).toEqual(at('2022-06-01T19:30:00Z'));
  });
});
