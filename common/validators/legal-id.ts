// شناسه ملی اشخاص حقوقی: 11 digits, the last one a weighted mod-11 check digit.
import { isRepeatedDigit, stripSeparators } from './clean-input.js';

const WEIGHTS = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17] as const;

/** Canonical 11-digit legal (company) national ID, or null. */
export function normalizeLegalId(raw: string): string | null {
  const code = stripSeparators(raw);
  if (!/^\d{11}$/.test(code)) return null;
  if (isRepeatedDigit(code) || code.slice(3, 9) === '000000') return null;
  const add = Number(code[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(code[i]) + add) * WEIGHTS[i]!;
  const r = sum % 11;
  return (r === 10 ? 0 : r) === Number(code[10]) ? code : null;
}

export function isValidLegalId(raw: string): boolean {
  return normalizeLegalId(raw) !== null;
}
