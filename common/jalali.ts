// Jalali (Solar Hijri) calendar helpers, always in Tehran wall time.
//
// Source of truth for calendar conversion: jalaali-js. It converts plain
// (year, month, day) numbers with integer arithmetic (the 33-year rule, which
// matches the official calendar for 1800–2256 CE) and never reads the host's
// local time zone. date-fns-jalali, by contrast, works through Date getters in the
// process's local zone, so the same instant would give different Jalali days on a
// UTC server and a Tehran browser. We get Tehran wall time from Intl ourselves and
// only hand calendar fields to jalaali-js. (The web's date pickers may still use
// date-fns-jalali for UI arithmetic; a test checks both calendars agree with ICU.)
import { isLeapJalaaliYear, isValidJalaaliDate, toGregorian, toJalaali as gToJ } from 'jalaali-js';
import { normalizePersian, toPersianDigits } from './text.js';

export type JalaliDate = { year: number; month: number; day: number };
export type JalaliDateTime = JalaliDate & { hour: number; minute: number; second: number };

export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

export const JALALI_MONTHS_FA = [
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور',
  'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
] as const;

export const JALALI_MONTHS_EN = [
  'Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar',
  'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand',
] as const;

/** Saturday first, as the Iranian week starts. */
export const WEEKDAYS_FA = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const;

// One formatter, reused: constructing Intl formatters is the slow part.
// Iran had DST until 2022; Intl's tz database knows, so old instants stay right too.
const tehranParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric',
});

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function tehranWall(d: Date): Wall {
  const out: Record<string, number> = {};
  for (const p of tehranParts.formatToParts(d)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? NaN, month: out.month ?? NaN, day: out.day ?? NaN,
    hour: out.hour ?? NaN, minute: out.minute ?? NaN, second: out.second ?? NaN,
  };
}

function assertValidDate(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError('Invalid Date');
}

// Wall fields read as if they were UTC: the difference to the real instant is the offset.
function wallAsUtcMs(w: Wall, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day); // setUTCFullYear: Date.UTC maps years 0–99 to 19xx
  d.setUTCHours(w.hour, w.minute, w.second, ms);
  return d.getTime();
}

function tehranOffsetMs(instantMs: number): number {
  const d = new Date(instantMs);
  return wallAsUtcMs(tehranWall(d), d.getUTCMilliseconds()) - instantMs;
}

/** Gregorian wall time in Tehran → instant. Two passes settle the offset around old DST switches. */
export function fromTehranWallTime(w: Wall): Date {
  const asUtc = wallAsUtcMs(w);
  const first = asUtc - tehranOffsetMs(asUtc);
  return new Date(asUtc - tehranOffsetMs(first));
}

/** The Jalali date and Tehran wall-clock time of an instant. */
export function toJalali(d: Date): JalaliDateTime {
  assertValidDate(d);
  const w = tehranWall(d);
  const j = gToJ(w.year, w.month, w.day);
  return { year: j.jy, month: j.jm, day: j.jd, hour: w.hour, minute: w.minute, second: w.second };
}

function isIntIn(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Tehran wall time given in Jalali → instant. Throws RangeError for dates that do not exist. */
export function fromJalali(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const ok =
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 3000 && isValidJalaaliDate(year, month, day) &&
    isIntIn(hour, 0, 23) && isIntIn(minute, 0, 59) && isIntIn(second, 0, 59);
  if (!ok) throw new RangeError(`Invalid Jalali date/time ${year}/${month}/${day} ${hour}:${minute}:${second}`);
  const g = toGregorian(year, month, day);
  return fromTehranWallTime({ year: g.gy, month: g.gm, day: g.gd, hour, minute, second });
}

export function isJalaliLeapYear(year: number): boolean {
  return isLeapJalaaliYear(year);
}

export function jalaliMonthLength(year: number, month: number): number {
  if (!isIntIn(month, 1, 12)) throw new RangeError(`Invalid Jalali month ${month}`);
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

export type FormatJalaliOptions = {
  time?: boolean;
  digits?: 'fa' | 'latin';
  style?: 'numeric' | 'long';
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `۱۴۰۳/۱۲/۳۰` (+ ` ۱۴:۳۰`) or, with style 'long', `۳۰ اسفند ۱۴۰۳` (+ `، ساعت ۱۴:۳۰`). */
export function formatJalali(d: Date, opts: FormatJalaliOptions = {}): string {
  const j = toJalali(d);
  const time = `${pad2(j.hour)}:${pad2(j.minute)}`;
  let out: string;
  if (opts.style === 'long') {
    out = `${j.day} ${JALALI_MONTHS_FA[j.month - 1]} ${j.year}`;
    if (opts.time) out += `، ساعت ${time}`;
  } else {
    out = `${j.year}/${pad2(j.month)}/${pad2(j.day)}`;
    if (opts.time) out += ` ${time}`;
  }
  return opts.digits === 'latin' ? out : toPersianDigits(out);
}

// Jalali years run around 1300–1500 and Gregorian ones around 1900–2100: a
// four-digit year from here on is Gregorian.
const GREGORIAN_FROM_YEAR = 1700;

const JALALI_INPUT = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:(?:\s+|\s*[T،,]\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `1403/12/30`, `۱۴۰۳-۱۲-۳۰`, optional ` 14:30[:05]`, any digits → instant (Tehran).
 * Null if invalid. Years from 1700 on are refused: that is a Gregorian date typed into
 * a Jalali field, not a date 300 years ahead.
 */
export function parseJalali(input: string): Date | null {
  const m = JALALI_INPUT.exec(normalizePersian(input));
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  if (year >= GREGORIAN_FROM_YEAR) return null;
  try {
    return fromJalali(year, month, day, hour, minute, second);
  } catch {
    return null;
  }
}

const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * What forms and APIs send for a date: a Jalali string (year < 1700) or an ISO date.
 * ISO with a zone is an exact instant; ISO without one is read as Tehran wall time,
 * so `2025-03-20` and `1403/12/30` are the same instant. Null when invalid.
 */
export function parseJalaliOrIso(input: string): Date | null {
  const s = normalizePersian(input);
  const year = Number(s.slice(0, 4));
  if (!(year >= GREGORIAN_FROM_YEAR)) return parseJalali(s);
  if (ISO_WITH_ZONE.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = ISO_DATE_ONLY.exec(s) ?? ISO_LOCAL.exec(s);
  if (!m) return null;
  const [y = 0, mo = 0, day = 0, h = 0, mi = 0, sec = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const probe = new Date(Date.UTC(y, mo - 1, day));
  const real = probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === day;
  if (!real || !isIntIn(h, 0, 23) || !isIntIn(mi, 0, 59) || !isIntIn(sec, 0, 59)) return null;
  return fromTehranWallTime({ year: y, month: mo, day, hour: h, minute: mi, second: sec });
}

export function jalaliYearOf(d: Date): number {
  return toJalali(d).year;
}

/** Midnight (Tehran) of the first day of a Jalali month. */
export function startOfJalaliMonth(year: number, month: number): Date {
  return fromJalali(year, month, 1);
}

/**
 * The fiscal year an instant falls in, for a fiscal year starting on day 1 of
 * startMonth. A fiscal year is labelled by the Jalali year in which it ENDS, as in
 * «سال مالی منتهی به ۳۱ خرداد ۱۴۰۴» and as the tax law attributes it; with the
 * default startMonth = 1 this is simply the Jalali year.
 */
export function fiscalYearOf(d: Date, startMonth = 1): number {
  if (!isIntIn(startMonth, 1, 12)) throw new RangeError(`Invalid fiscal start month ${startMonth}`);
  const j = toJalali(d);
  return startMonth === 1 || j.month < startMonth ? j.year : j.year + 1;
}

/** The Gregorian calendar date (YYYY-MM-DD) of an instant in Tehran, for `date` columns. */
export function isoDateInTehran(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TEHRAN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
