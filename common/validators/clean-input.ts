// Shared clean-up for identifier inputs: people type them with Persian or Arabic
// digits, spaces, dashes and whatever invisible marks came with a copy-paste.
import { toLatinDigits } from '../text.js';

// Whitespace (incl. NBSP, ZWNJ), hyphen/dash variants, minus sign and bidi/zero-width marks.
const SEPARATORS = /[\s\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\-\u2010-\u2015\u2212_]/g;

export function stripSeparators(raw: string): string {
  return toLatinDigits(raw).replace(SEPARATORS, '');
}

export function isRepeatedDigit(digits: string): boolean {
  return /^(\d)\1*$/.test(digits);
}
