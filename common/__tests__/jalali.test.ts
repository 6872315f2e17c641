import { getDate, getMonth, getYear } from 'date-fns-jalali';
import { describe, expect, it } from 'vitest';
import {
  JALALI_MONTHS_EN, JALALI_MONTHS_FA, WEEKDAYS_FA, fiscalYearOf, formatJalali, fromJalali, isJalaliLeapYear,
  jalaliMonthLength, jalaliYearOf, parseJalali, parseJalaliOrIso, startOfJalaliMonth, toJalali,
} from '../jalali.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

describe('leap years', () => {
  it('knows the official leap years', () => {
    for (const y of [1395, 1399, 1403, 1408, 1412, 1416]) expect(isJalaliLeapYear(y), String(y)).toBe(true);
  });

  it('knows the common years around them', () => {
    for (const y of [1394, 1396, 1397, 1398, 1400, 1401, 1402, 1404, 1405, 1406, 1407, 1409]) {
      expect(isJalaliLeapYear(y), String(y)).toBe(false);
    }
  });

  it('gives month lengths', () => {
    expect([1, 6, 7, 11].map((m) => jalaliMonthLength(1402, m))).toEqual([31, 31, 30, 30]);
    expect(jalaliMonthLength(1402, 12)).toBe(29);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(() => jalaliMonthLength(1403, 13)).toThrow(RangeError);
  });
});

describe('names', () => {
  it('lists months and Saturday-first weekdays', () => {
    expect(JALALI_MONTHS_FA).toHaveLength(12);
    expect([JALALI_MONTHS_FA[0], JALALI_MONTHS_FA[11]]).toEqual(['فروردین', 'اسفند']);
    expect([JALALI_MONTHS_EN[0], JALALI_MONTHS_EN[11]]).toEqual(['Farvardin', 'Esfand']);
    expect(WEEKDAYS_FA).toEqual(['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه']);
  });
});

describe('fromJalali / toJalali', () => {
  it('1403/12/30 is 2025-03-20 (midnight Tehran = 20:30 UTC the day before)', () => {
    expect(iso(fromJalali(1403, 12, 30))).toBe('2025-03-19T20:30:00.000Z');
    expect(toJalali(new Date('2025-03-20T12:00:00Z'))).toEqual({ year: 1403, month: 12, day: 30, hour: 15, minute: 30, second: 0 });
  });

  it('uses Tehran wall time, not UTC', () => {
    expect(toJalali(new Date('2025-03-20T20:30:00Z'))).toEqual({ year: 1404, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(toJalali(new Date('2025-03-20T20:29:59Z'))).toEqual({ year: 1403, month: 12, day: 30, hour: 23, minute: 59, second: 59 });
    expect(iso(fromJalali(1404, 1, 1))).toBe('2025-03-20T20:30:00.000Z');
    expect(iso(fromJalali(1403, 12, 30, 14, 30))).toBe('2025-03-20T11:00:00.000Z');
  });

  it('honours the daylight saving Iran had until 2022', () => {
    // 1399/03/12 16:30 was +04:30 then.
    expect(toJalali(new Date('2020-06-01T12:00:00Z'))).toEqual({ year: 1399, month: 3, day: 12, hour: 16, minute: 30, second: 0 });
    expect(iso(fromJalali(1399, 3, 12, 16, 30))).toBe('2020-06-01T12:00:00.000Z');
    expect(iso(fromJalali(1399, 10, 1, 12))).toBe('2020-12-21T08:30:00.000Z');
  });

  it('round-trips across month and year ends', () => {
    const cases: Array<[number, number, number]> = [
      [1402, 1, 31], [1402, 2, 1], [1402, 6, 31], [1402, 7, 1], [1402, 11, 30], [1402, 12, 29],
      [1403, 1, 1], [1403, 12, 30], [1404, 1, 1], [1399, 12, 30], [1400, 1, 1], [1395, 12, 30],
    ];
    for (const [y, m, d] of cases) {
      expect(toJalali(fromJalali(y, m, d, 23, 59)), `${y}/${m}/${d}`).toEqual({ year: y, month: m, day: d, hour: 23, minute: 59, second: 0 });
    }
  });

  it('throws RangeError for dates that do not exist', () => {
    expect(() => fromJalali(1402, 12, 30)).toThrow(RangeError);
    expect(() => fromJalali(1403, 7, 31)).toThrow(RangeError);
    expect(() => fromJalali(1403, 13, 1)).toThrow(RangeError);
    expect(() => fromJalali(1403, 0, 1)).toThrow(RangeError);
    expect(() => fromJalali(1403, 1, 0)).toThrow(RangeError);
    expect(() => fromJalali(1403, 1, 1, 24)).toThrow(RangeError);
    expect(() => fromJalali(1403, 1, 1, 10, 60)).toThrow(RangeError);
    expect(() => fromJalali(1403.5, 1, 1)).toThrow(RangeError);
    expect(() => toJalali(new Date('nope'))).toThrow(RangeError);
  });

  it('agrees with ICU and date-fns-jalali on every day of 1390–1420', () => {
    const icu = new Intl.DateTimeFormat('en-US-u-ca-persian', {
      timeZone: 'Asia/Tehran', year: 'numeric', month: 'numeric', day: 'numeric',
    });
    const mismatches: string[] = [];
    for (let t = Date.UTC(2011, 2, 21, 8); t < Date.UTC(2042, 2, 21); t += 86_400_000) {
      const d = new Date(t);
      const j = toJalali(d);
      const parts = Object.fromEntries(icu.formatToParts(d).map((p) => [p.type, p.value]));
      const mine = `${j.year}/${j.month}/${j.day}`;
      if (mine !== `${parts.year}/${parts.month}/${parts.day}`) mismatches.push(`${d.toISOString()} icu`);
      // date-fns-jalali reads local time: feed it local noon of the same Gregorian day.
      const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
      if (mine !== `${getYear(local)}/${getMonth(local) + 1}/${getDate(local)}`) mismatches.push(`${d.toISOString()} dfj`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('formatJalali', () => {
  const d = new Date('2025-03-20T11:00:00Z'); // 1403/12/30 14:30 Tehran
  const farvardin = new Date('2025-03-21T05:35:00Z'); // 1404/01/01 09:05 Tehran

  it('formats numeric dates with Persian digits by default', () => {
    expect(formatJalali(d)).toBe('۱۴۰۳/۱۲/۳۰');
    expect(formatJalali(d, { time: true })).toBe('۱۴۰۳/۱۲/۳۰ ۱۴:۳۰');
    expect(formatJalali(farvardin, { time: true })).toBe('۱۴۰۴/۰۱/۰۱ ۰۹:۰۵');
  });

  it('formats with Latin digits', () => {
    expect(formatJalali(d, { digits: 'latin' })).toBe('1403/12/30');
    expect(formatJalali(farvardin, { digits: 'latin', time: true })).toBe('1404/01/01 09:05');
  });

  it('formats the long style', () => {
    expect(formatJalali(d, { style: 'long' })).toBe('۳۰ اسفند ۱۴۰۳');
    expect(formatJalali(farvardin, { style: 'long' })).toBe('۱ فروردین ۱۴۰۴');
    expect(formatJalali(d, { style: 'long', time: true })).toBe('۳۰ اسفند ۱۴۰۳، ساعت ۱۴:۳۰');
    expect(formatJalali(d, { style: 'long', digits: 'latin' })).toBe('30 اسفند 1403');
  });
});

describe('parseJalali', () => {
  it.each([
    ['1403/12/30', '2025-03-19T20:30:00.000Z'],
    ['۱۴۰۳-۱۲-۳۰', '2025-03-19T20:30:00.000Z'],
    ['١٤٠٣/١٢/٣٠', '2025-03-19T20:30:00.000Z'],
    ['1404/1/1', '2025-03-20T20:30:00.000Z'],
    ['1403/12/30 14:30', '2025-03-20T11:00:00.000Z'],
    ['۱۴۰۳/۱۲/۳۰ ۱۴:۳۰', '2025-03-20T11:00:00.000Z'],
    [' 1403.12.30  14:30:15 ', '2025-03-20T11:00:15.000Z'],
    ['\u200F1403/12/30', '2025-03-19T20:30:00.000Z'],
  ])('%j → %s', (input, expected) => {
    expect(iso(parseJalali(input))).toBe(expected);
  });

  it.each([
    '', 'abc', '1402/12/30', '1403/13/01', '1403/00/10', '1403/07/31', '1403/12/30 24:00', '1403/12/30 14:60',
    '1403/12', '03/12/30', '1403/12/30 14', '2025-03-20', '1403/12/30x',
  ])('rejects %j', (input) => {
    expect(parseJalali(input)).toBeNull();
  });
});

describe('parseJalaliOrIso', () => {
  it('reads Jalali strings and ISO dates (date-only = midnight Tehran)', () => {
    expect(iso(parseJalaliOrIso('1403/12/30'))).toBe('2025-03-19T20:30:00.000Z');
    expect(iso(parseJalaliOrIso('2025-03-20'))).toBe('2025-03-19T20:30:00.000Z');
    expect(iso(parseJalaliOrIso('2025-03-20T14:30'))).toBe('2025-03-20T11:00:00.000Z');
    expect(iso(parseJalaliOrIso('2025-03-20T11:00:00.000Z'))).toBe('2025-03-20T11:00:00.000Z');
    expect(iso(parseJalaliOrIso('2025-03-20T14:30:00+03:30'))).toBe('2025-03-20T11:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(parseJalaliOrIso('2025-02-30')).toBeNull();
    expect(parseJalaliOrIso('2025-13-01')).toBeNull();
    expect(parseJalaliOrIso('1402/12/30')).toBeNull();
    expect(parseJalaliOrIso('yesterday')).toBeNull();
  });
});

describe('year, month and fiscal helpers', () => {
  it('jalaliYearOf follows Tehran midnight', () => {
    expect(jalaliYearOf(new Date('2025-03-20T20:29:00Z'))).toBe(1403);
    expect(jalaliYearOf(new Date('2025-03-20T20:30:00Z'))).toBe(1404);
  });

  it('startOfJalaliMonth is Tehran midnight of day 1', () => {
    expect(iso(startOfJalaliMonth(1404, 1))).toBe('2025-03-20T20:30:00.000Z');
    expect(iso(startOfJalaliMonth(1403, 7))).toBe('2024-09-21T20:30:00.000Z');
    expect(() => startOfJalaliMonth(1403, 13)).toThrow(RangeError);
  });

  it('fiscalYearOf is the Jalali year by default and the ending year otherwise', () => {
    const tir1403 = fromJalali(1403, 4, 1);
    const khordad1403 = fromJalali(1403, 3, 31, 23, 59);
    expect(fiscalYearOf(tir1403)).toBe(1403);
    expect(fiscalYearOf(fromJalali(1403, 12, 30, 23, 59))).toBe(1403);
    expect(fiscalYearOf(tir1403, 4)).toBe(1404);
    expect(fiscalYearOf(khordad1403, 4)).toBe(1403);
    expect(fiscalYearOf(fromJalali(1404, 1, 1), 4)).toBe(1404);
    expect(() => fiscalYearOf(tir1403, 0)).toThrow(RangeError);
  });
});
