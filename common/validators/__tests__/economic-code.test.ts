import { describe, expect, it } from 'vitest';
import { economicCodeKind, isValidEconomicCode, normalizeEconomicCode } from '../economic-code.js';

describe('economic code (کد اقتصادی)', () => {
  it.each(['10380284790', '10840096498', '14003778990', '10100302746'])('accepts legal ID %s as legal', (code) => {
    expect(economicCodeKind(code)).toBe('legal');
    expect(normalizeEconomicCode(code)).toBe(code);
  });

  it.each(['10380284792', '10380285692', '09748208301', '11111111111'])('rejects invalid legal ID %s', (code) => {
    expect(economicCodeKind(code)).toBeNull();
    expect(isValidEconomicCode(code)).toBe(false);
  });

  it('accepts 14 digits as a natural person', () => {
    expect(economicCodeKind('04993708991234')).toBe('natural');
    expect(normalizeEconomicCode('۰۴۹۹۳۷۰۸۹۹ ۱۲۳۴')).toBe('04993708991234');
  });

  it('accepts the old 12-digit code as legacy', () => {
    expect(economicCodeKind('411111111119')).toBe('legacy');
    expect(isValidEconomicCode('4111-1111-1119')).toBe(true);
  });

  it('accepts digit and format variants', () => {
    expect(normalizeEconomicCode('۱۰۳۸۰۲۸۴۷۹۰')).toBe('10380284790');
    expect(normalizeEconomicCode('103-8028-4790')).toBe('10380284790');
  });

  it('rejects other lengths, letters and placeholders', () => {
    for (const bad of ['', '123', '1234567890', '1234567890123', '123456789012345', '1038028479a', '00000000000000', '000000000000']) {
      expect(economicCodeKind(bad), bad).toBeNull();
      expect(normalizeEconomicCode(bad), bad).toBeNull();
    }
  });
});
