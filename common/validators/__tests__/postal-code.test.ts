import { describe, expect, it } from 'vitest';
import { isValidPostalCode, normalizePostalCode } from '../postal-code.js';

describe('postal code (کد پستی)', () => {
  it('accepts 10 digits in any script, with spaces or dashes', () => {
    expect(normalizePostalCode('1193653471')).toBe('1193653471');
    expect(normalizePostalCode('۱۱۹۳۶۵۳۴۷۱')).toBe('1193653471');
    expect(normalizePostalCode('١١٩٣٦٥٣٤٧١')).toBe('1193653471');
    expect(normalizePostalCode('11936-53471')).toBe('1193653471');
    expect(normalizePostalCode(' 11936 53471 ')).toBe('1193653471');
    expect(isValidPostalCode('1193653471')).toBe(true);
  });

  it('rejects wrong lengths, letters and placeholders', () => {
    for (const bad of ['', '119365347', '11936534710', '119365347a', '0000000000', '1111111111']) {
      expect(normalizePostalCode(bad), bad).toBeNull();
      expect(isValidPostalCode(bad), bad).toBe(false);
    }
  });
});
