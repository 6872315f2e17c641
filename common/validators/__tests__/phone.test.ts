import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone } from '../phone.js';

describe('landline phone', () => {
  it('normalizes to 0 + area code + 8 digits', () => {
    expect(normalizePhone('02112345678')).toBe('02112345678');
    expect(normalizePhone('021-1234 5678')).toBe('02112345678');
    expect(normalizePhone('(021) 12345678')).toBe('02112345678');
    expect(normalizePhone('۰۳۱۳۲۲۲۳۳۴۴')).toBe('03132223344');
    expect(normalizePhone('٠٥١٣٨٤٤٥٥٦٦')).toBe('05138445566');
    expect(normalizePhone('+98 21 12345678')).toBe('02112345678');
    expect(normalizePhone('0098 71 3222 3344')).toBe('07132223344');
    expect(normalizePhone('+98 (0)26 3222 3344')).toBe('02632223344');
    expect(isValidPhone('02112345678')).toBe(true);
  });

  it('adds a default area code to 8-digit local numbers', () => {
    expect(normalizePhone('12345678', '021')).toBe('02112345678');
    expect(normalizePhone('۱۲۳۴-۵۶۷۸', '51')).toBe('05112345678');
    expect(normalizePhone('12345678')).toBeNull();
  });

  it('rejects mobiles, wrong lengths and letters', () => {
    for (const bad of ['', '09121234567', '0211234567', '021123456789', '0211234567a', '00112345678']) {
      expect(normalizePhone(bad), bad).toBeNull();
      expect(isValidPhone(bad), bad).toBe(false);
    }
  });
});
