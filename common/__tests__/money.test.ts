import { describe, expect, it } from 'vitest';
import { amountToWords, amountToWordsWithUnit, formatMoney, parseAmount, toRial } from '../money.js';

describe('formatMoney', () => {
  it('formats Rial with Persian digits and separators by default', () => {
    expect(formatMoney(1234567)).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatMoney(1234567n, 'rial', { unit: true })).toBe('۱٬۲۳۴٬۵۶۷ ریال');
    expect(formatMoney(0)).toBe('۰');
    expect(formatMoney(999)).toBe('۹۹۹');
    expect(formatMoney(1000)).toBe('۱٬۰۰۰');
  });

  it('formats Rial with Latin digits', () => {
    expect(formatMoney(1234567, 'rial', { digits: 'latin' })).toBe('1,234,567');
    expect(formatMoney('1234567', 'rial', { digits: 'latin', unit: true })).toBe('1,234,567 ریال');
  });

  it('formats Toman (Rial / 10) with a decimal only when needed', () => {
    expect(formatMoney(1234560, 'toman')).toBe('۱۲۳٬۴۵۶');
    expect(formatMoney(1234567, 'toman')).toBe('۱۲۳٬۴۵۶٫۷');
    expect(formatMoney(15, 'toman', { unit: true })).toBe('۱٫۵ تومان');
    expect(formatMoney(15, 'toman', { digits: 'latin', unit: true })).toBe('1.5 تومان');
    expect(formatMoney(5, 'toman', { digits: 'latin' })).toBe('0.5');
    expect(formatMoney(10000000, 'toman', { digits: 'latin', unit: true })).toBe('1,000,000 تومان');
  });

  it('handles negatives, bigints beyond 2^53 and digit strings', () => {
    expect(formatMoney(-1234567, 'rial', { digits: 'latin' })).toBe('-1,234,567');
    expect(formatMoney(-15, 'toman')).toBe('-۱٫۵');
    expect(formatMoney(2n ** 64n, 'rial', { digits: 'latin' })).toBe('18,446,744,073,709,551,616');
    expect(formatMoney('۱۲۳۴۵۶۰', 'toman', { unit: true })).toBe('۱۲۳٬۴۵۶ تومان');
  });

  it('refuses amounts that are not integer Rial', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53)).toThrow(RangeError);
    expect(() => formatMoney('12.5')).toThrow(RangeError);
    expect(() => formatMoney('abc')).toThrow(RangeError);
  });
});

describe('amountToWords', () => {
  it.each([
    [0, 'صفر'],
    [1, 'یک'],
    [10, 'ده'],
    [11, 'یازده'],
    [20, 'بیست'],
    [21, 'بیست و یک'],
    [100, 'صد'],
    [101, 'صد و یک'],
    [400, 'چهارصد'],
    [999, 'نهصد و نود و نه'],
    [1000, 'یک هزار'],
    [1001, 'یک هزار و یک'],
    [500443, 'پانصد هزار و چهارصد و چهل و سه'],
    [1250000, 'یک میلیون و دویست و پنجاه هزار'],
    [1000000001, 'یک میلیارد و یک'],
    [10 ** 9, 'یک میلیارد'],
    [30000000000, 'سی میلیارد'],
    [10 ** 12, 'یک تریلیون'],
  ] as const)('%s → %s', (n, words) => {
    expect(amountToWords(n)).toBe(words);
  });

  it('writes every hundred joined', () => {
    const hundreds = [100, 200, 300, 400, 500, 600, 700, 800, 900].map((n) => amountToWords(n));
    expect(hundreds).toEqual(['صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد']);
  });

  it('handles bigints beyond 2^53 exactly', () => {
    expect(amountToWords(2n ** 53n + 1n)).toBe(
      'نه کوآدریلیون و هفت تریلیون و صد و نود و نه میلیارد و دویست و پنجاه و چهار میلیون و هفتصد و چهل هزار و نهصد و نود و سه',
    );
    expect(amountToWords(10n ** 18n)).toBe('یک کوینتیلیون');
    expect(amountToWords('999999999999999999999')).toBe(
      'نهصد و نود و نه کوینتیلیون و نهصد و نود و نه کوآدریلیون و نهصد و نود و نه تریلیون و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه',
    );
    expect(() => amountToWords(10n ** 21n)).toThrow(RangeError);
  });

  it('handles negatives and digit strings', () => {
    expect(amountToWords(-1250000)).toBe('منفی یک میلیون و دویست و پنجاه هزار');
    expect(amountToWords(-1n)).toBe('منفی یک');
    expect(amountToWords('۱٬۲۵۰٬۰۰۰')).toBe('یک میلیون و دویست و پنجاه هزار');
  });
});

describe('amountToWordsWithUnit', () => {
  it('appends the unit', () => {
    expect(amountToWordsWithUnit(1250000)).toBe('یک میلیون و دویست و پنجاه هزار ریال');
    expect(amountToWordsWithUnit(1250000, 'toman')).toBe('صد و بیست و پنج هزار تومان');
    expect(amountToWordsWithUnit(0, 'toman')).toBe('صفر تومان');
  });

  it('spells a Rial remainder in Toman mode', () => {
    expect(amountToWordsWithUnit(15, 'toman')).toBe('یک تومان و پنج ریال');
    expect(amountToWordsWithUnit(5, 'toman')).toBe('پنج ریال');
    expect(amountToWordsWithUnit(-1000, 'toman')).toBe('منفی صد تومان');
  });
});

describe('parseAmount', () => {
  it.each([
    ['1250000', 1250000n],
    ['1,250,000', 1250000n],
    ['۱٬۲۵۰٬۰۰۰', 1250000n],
    ['١٢٥٠٠٠٠', 1250000n],
    ['1 250 000', 1250000n],
    [' 1\u00A0250\u00A0000 ', 1250000n],
    ['۱،۲۵۰،۰۰۰', 1250000n],
    ['0', 0n],
    ['-500', -500n],
    ['−1,000', -1000n],
    ['123456789012345678901234567890', 123456789012345678901234567890n],
  ] as const)('%j → %s', (input, value) => {
    expect(parseAmount(input)).toBe(value);
  });

  it.each(['', '   ', '12.5', '۱۲٫۵', '12,5', '1,25,000', '1,2500', 'abc', '12a', '۱۲ ریال', '--5', '+5', '1e6'])(
    'rejects %j',
    (input) => {
      expect(parseAmount(input)).toBeNull();
    },
  );
});

describe('toRial', () => {
  it('accepts bigint, safe integers and digit strings', () => {
    expect(toRial(5n)).toBe(5n);
    expect(toRial(Number.MAX_SAFE_INTEGER)).toBe(9007199254740991n);
    expect(toRial('۱۲۳')).toBe(123n);
  });
});
