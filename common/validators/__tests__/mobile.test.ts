import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizeMobile } from '../mobile.js';

describe('mobile (شماره موبایل)', () => {
  it.each(['09022002580', '+989022002580', '00989022002580', '9022002580', '989022002580'])('accepts %s', (raw) => {
    expect(isValidMobile(raw)).toBe(true);
    expect(normalizeMobile(raw)).toBe('09022002580');
  });

  it('rejects 0980… (not a mobile range)', () => {
    expect(isValidMobile('09802002580')).toBe(false);
    expect(normalizeMobile('09802002580')).toBeNull();
  });

  it('accepts Persian and Arabic digits and separators', () => {
    expect(normalizeMobile('۰۹۱۲۱۲۳۴۵۶۷')).toBe('09121234567');
    expect(normalizeMobile('٠٩١٢١٢٣٤٥٦٧')).toBe('09121234567');
    expect(normalizeMobile('0912-123-4567')).toBe('09121234567');
    expect(normalizeMobile('0912 123 4567')).toBe('09121234567');
    expect(normalizeMobile('+98 (912) 123 4567')).toBe('09121234567');
    expect(normalizeMobile('+98 (0)912 123 4567')).toBe('09121234567');
    expect(normalizeMobile('+۹۸۹۱۲۱۲۳۴۵۶۷')).toBe('09121234567');
  });

  it('accepts every allocated block', () => {
    for (const p of ['0901', '0910', '0919', '0920', '0930', '0935', '0939', '0941', '0990', '0998']) {
      expect(normalizeMobile(`${p}1234567`), p).toBe(`${p}1234567`);
    }
  });

  it('rejects landlines, wrong lengths and letters', () => {
    for (const bad of ['', '02112345678', '0912123456', '091212345678', '0912123456a', '08912345678', '09512345678', '+19121234567']) {
      expect(normalizeMobile(bad), bad).toBeNull();
    }
  });
});
