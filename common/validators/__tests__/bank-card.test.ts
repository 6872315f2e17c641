import { describe, expect, it } from 'vitest';
import { bankCardIssuer, isValidBankCard, normalizeBankCard } from '../bank-card.js';

describe('bank card (شماره کارت)', () => {
  it.each([
    ['6037701689095443', 'بانک کشاورزی'],
    ['6219861034529007', 'بانک سامان'],
    ['5022291070873466', 'بانک پاسارگاد'],
  ])('accepts %s (%s)', (card, bank) => {
    expect(isValidBankCard(card)).toBe(true);
    expect(normalizeBankCard(card)).toBe(card);
    expect(bankCardIssuer(card)).toBe(bank);
  });

  it('rejects a Luhn failure', () => {
    expect(isValidBankCard('6219861034529008')).toBe(false);
    expect(normalizeBankCard('6219861034529008')).toBeNull();
  });

  it('rejects a non-Iranian card even when Luhn passes', () => {
    expect(isValidBankCard('4000000000000002')).toBe(false);
    expect(bankCardIssuer('4000000000000002')).toBeNull();
  });

  it('accepts Persian digits, spaces and dashes', () => {
    expect(normalizeBankCard('۶۰۳۷-۷۰۱۶-۸۹۰۹-۵۴۴۳')).toBe('6037701689095443');
    expect(normalizeBankCard('٦٢١٩ ٨٦١٠ ٣٤٥٢ ٩٠٠٧')).toBe('6219861034529007');
    expect(normalizeBankCard(' 5022 2910 7087 3466 ')).toBe('5022291070873466');
  });

  it('rejects wrong lengths, letters and repeated digits', () => {
    for (const bad of ['', '603770168909544', '60377016890954430', '603770168909544a', '0000000000000000']) {
      expect(normalizeBankCard(bad), bad).toBeNull();
    }
  });

  it('names the issuer from the prefix, even while the number is being typed', () => {
    expect(bankCardIssuer('603799')).toBe('بانک ملی ایران');
    expect(bankCardIssuer('6104-33')).toBe('بانک ملت');
    expect(bankCardIssuer('۵۸۹۲۱۰')).toBe('بانک سپه');
    expect(bankCardIssuer('627353')).toBe('بانک تجارت');
    expect(bankCardIssuer('603769')).toBe('بانک صادرات ایران');
    expect(bankCardIssuer('622106')).toBe('بانک پارسیان');
    expect(bankCardIssuer('60379')).toBeNull();
  });
});
