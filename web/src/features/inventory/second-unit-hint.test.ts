import { describe, expect, it } from 'vitest';
import { secondUnitHint } from './second-unit-hint.js';

describe('secondUnitHint', () => {
  it('divides by the usual ratio, rounded to two decimals, in Persian digits', () => {
    expect(secondUnitHint('۱۰۰', '25', 'کیسه')).toBe('≈ ۴ کیسه');
    expect(secondUnitHint('10', '3', 'کارتن')).toBe('≈ ۳٫۳۳ کارتن');
    expect(secondUnitHint('2٫5', '0.5', 'بسته')).toBe('≈ ۵ بسته');
  });

  it('says nothing without a ratio, a second unit or a readable quantity', () => {
    expect(secondUnitHint('10', null, 'کیسه')).toBeUndefined();
    expect(secondUnitHint('10', '25', null)).toBeUndefined();
    expect(secondUnitHint('', '25', 'کیسه')).toBeUndefined();
    expect(secondUnitHint('ده', '25', 'کیسه')).toBeUndefined();
  });
});
