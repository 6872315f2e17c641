import { describe, expect, it } from 'vitest';
import { isValidLegalId, normalizeLegalId } from '../legal-id.js';

const VALID = ['10380284790', '10840096498', '14003778990', '10100302746'];
const INVALID = ['10380284792', '10380285692', '09748208301', '11111111111'];

describe('legal national ID (شناسه ملی)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(isValidLegalId(code)).toBe(true);
    expect(normalizeLegalId(code)).toBe(code);
  });

  it.each(INVALID)('rejects %s', (code) => {
    expect(isValidLegalId(code)).toBe(false);
    expect(normalizeLegalId(code)).toBeNull();
  });

  it('rejects repeated digits and all-zero middle digits', () => {
    for (let d = 0; d <= 9; d++) expect(isValidLegalId(String(d).repeat(11))).toBe(false);
    expect(isValidLegalId('10300000008')).toBe(false); // passes the checksum
  });

  it('accepts Persian and Arabic digits, spaces and dashes', () => {
    expect(normalizeLegalId('۱۰۳۸۰۲۸۴۷۹۰')).toBe('10380284790');
    expect(normalizeLegalId('١٠٣٨٠٢٨٤٧٩٠')).toBe('10380284790');
    expect(normalizeLegalId('103-802-847 90')).toBe('10380284790');
  });

  it('rejects wrong lengths (no padding for legal IDs)', () => {
    for (const bad of ['', '1038028479', '103802847900', '1038028479a']) expect(normalizeLegalId(bad), bad).toBeNull();
  });
});
