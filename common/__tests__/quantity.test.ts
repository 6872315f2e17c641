import { describe, expect, it } from 'vitest';
import {
  addQty, cmpQty, decimalsMessage, decimalsOf, fitsDecimals, formatQuantity, parseQuantity, qty, qtyFromDb, qtyToString, quantityErrorMessage, subQty,
} from '../quantity.js';

describe('parseQuantity', () => {
  it('reads Persian and Arabic digits, the Persian decimal point and grouped thousands exactly', () => {
    expect(parseQuantity('۱۲٫۵')).toEqual({ ok: true, value: 12_500_000n });
    expect(parseQuantity('١٢.٢٥')).toEqual({ ok: true, value: 12_250_000n });
    expect(parseQuantity('۱٬۲۵۰')).toEqual({ ok: true, value: 1_250_000_000n });
    expect(parseQuantity('1,250.75')).toEqual({ ok: true, value: 1_250_750_000n });
    expect(parseQuantity(' 0.000001 ')).toEqual({ ok: true, value: 1n });
    expect(parseQuantity('-3')).toEqual({ ok: true, value: -3_000_000n });
    expect(parseQuantity('.5')).toEqual({ ok: true, value: 500_000n });
  });

  it('never goes through floats: 0.1 + 0.2 is 0.3', () => {
    expect(qtyToString(addQty(qty('0.1'), qty('0.2')))).toBe('0.3');
    expect(qty(0.1 + 0.2)).toBe(qty('0.3'));
    expect(qty(2.5)).toBe(2_500_000n);
  });

  it('refuses ambiguous or broken input', () => {
    expect(parseQuantity('')).toEqual({ ok: false, error: 'empty' });
    expect(parseQuantity('12,5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseQuantity('2/5')).toEqual({ ok: false, error: 'invalid' });
    expect(parseQuantity('abc')).toEqual({ ok: false, error: 'invalid' });
    expect(parseQuantity('1.2.3')).toEqual({ ok: false, error: 'invalid' });
    expect(parseQuantity(Number.NaN)).toEqual({ ok: false, error: 'invalid' });
    expect(parseQuantity('1.0000001')).toEqual({ ok: false, error: 'too_many_decimals' });
    expect(parseQuantity('1000000000000')).toEqual({ ok: false, error: 'too_large' });
    expect(parseQuantity('1.5000000')).toEqual({ ok: true, value: 1_500_000n });
  });
});

describe('decimals of a unit', () => {
  it('counts real fraction digits and checks them against the unit', () => {
    expect(decimalsOf(qty('12.50'))).toBe(1);
    expect(decimalsOf(qty('3'))).toBe(0);
    expect(decimalsOf(qty('-0.125'))).toBe(3);
    expect(fitsDecimals(qty('2'), 0)).toBe(true);
    expect(fitsDecimals(qty('2.5'), 0)).toBe(false);
    expect(fitsDecimals(qty('2.55'), 2)).toBe(true);
    expect(fitsDecimals(qty('2.555'), 2)).toBe(false);
  });

  it('says in Persian what is wrong, naming the field', () => {
    expect(decimalsMessage('مقدار ردیف ۲', 'عدد', 0)).toBe('مقدار ردیف ۲ باید عدد صحیح باشد؛ واحد «عدد» اعشار نمی‌پذیرد');
    expect(decimalsMessage('مقدار ردیف ۱', 'کیلوگرم', 3)).toContain('حداکثر ۳ رقم اعشار');
    expect(quantityErrorMessage('invalid', 'مقدار')).toBe('مقدار عدد معتبری نیست');
  });
});

describe('arithmetic, comparison and formatting', () => {
  it('adds, subtracts and compares', () => {
    expect(subQty(qty('10'), qty('10.000001'))).toBe(-1n);
    expect(cmpQty(qty('1'), qty('1.0'))).toBe(0);
    expect(cmpQty(qty('1'), qty('2'))).toBe(-1);
    expect(qtyFromDb('12.500000')).toBe(12_500_000n);
    expect(qtyFromDb(null)).toBe(0n);
    expect(qtyFromDb('-3')).toBe(-3_000_000n);
    expect(qtyFromDb('-0.000001')).toBe(-1n);
    expect(qtyFromDb('999999999999.999999')).toBe(999_999_999_999_999_999n);
    // Not the database's canonical form: falls back to the full parser.
    expect(qtyFromDb('1,250.5')).toBe(1_250_500_000n);
    expect(qtyToString(qty('-0.5'))).toBe('-0.5');
  });

  it('formats with Persian digits and separators', () => {
    expect(formatQuantity(qty('1250.5'))).toBe('۱٬۲۵۰٫۵');
    expect(formatQuantity(qty('-1234567'))).toBe('\u200E-۱٬۲۳۴٬۵۶۷');
    expect(formatQuantity(qty('2'), { minDecimals: 2 })).toBe('۲٫۰۰');
    expect(formatQuantity(qty('1250.5'), { digits: 'latin' })).toBe('1,250.5');
    expect(formatQuantity(qty('1250'), { grouping: false })).toBe('۱۲۵۰');
  });
});
