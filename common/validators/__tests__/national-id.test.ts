import { describe, expect, it } from 'vitest';
import { isValidNationalId, normalizeNationalId } from '../national-id.js';

const VALID = ['0499370899', '0790419904', '1583250689', '0684159414', '4400276201', '2540201288'];
const INVALID = ['1234567890', '0499370898', '9999999999', '0010000000'];

describe('national ID (کد ملی)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidNationalId(code)).toBe(true);
    expect(normalizeNationalId(code)).toBe(code);
  });

  it.each(INVALID)('rejects %s', (code) => {
    expect(isValidNationalId(code)).toBe(false);
    expect(normalizeNationalId(code)).toBeNull();
  });

  it('rejects all ten repeated-digit codes although they pass the checksum', () => {
    for (let d = 0; d <= 9; d++) expect(isValidNationalId(String(d).repeat(10))).toBe(false);
  });

  it('rejects codes whose digits 4–9 are zero', () => {
    // 1230000003 passes the checksum.
    expect(isValidNationalId('1230000003')).toBe(false);
  });

  it('accepts Persian and Arabic digits, spaces and dashes', () => {
    expect(normalizeNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe('0499370899');
    expect(normalizeNationalId('٠٤٩٩٣٧٠٨٩٩')).toBe('0499370899');
    expect(normalizeNationalId('049-937089-9')).toBe('0499370899');
    expect(normalizeNationalId(' ۰۴۹ ۹۳۷ ۰۸۹۹ ')).toBe('0499370899');
    expect(normalizeNationalId('\u200F0499370899')).toBe('0499370899');
  });

  it('left-pads 8 and 9 digits lost their leading zeros', () => {
    expect(normalizeNationalId('499370899')).toBe('0499370899');
    expect(normalizeNationalId('84159414')).toBe(null); // 0084159414 fails the checksum
    expect(normalizeNationalId('790419904')).toBe('0790419904');
  });

  it('rejects wrong lengths and letters', () => {
    for (const bad of ['', '1234567', '04993708990', '049937089a', 'abcdefghij', '0499.370899']) {
      expect(normalizeNationalId(bad), bad).toBeNull();
    }
  });
});
