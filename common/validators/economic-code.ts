// کد اقتصادی. Legal persons use their 11-digit legal ID (checked); natural persons
// have 14 digits with no public checksum; the old 12-digit code still turns up in
// data, so it is accepted but reported as 'legacy' for the caller to flag.
import { isRepeatedDigit, stripSeparators } from './clean-input.js';
import { normalizeLegalId } from './legal-id.js';

export type EconomicCodeKind = 'legal' | 'natural' | 'legacy';

export function economicCodeKind(code: string): EconomicCodeKind | null {
  const digits = stripSeparators(code);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 11) return normalizeLegalId(digits) ? 'legal' : null;
  if (isRepeatedDigit(digits)) return null;
  if (digits.length === 14) return 'natural';
  if (digits.length === 12) return 'legacy';
  return null;
}

export function normalizeEconomicCode(raw: string): string | null {
  return economicCodeKind(raw) ? stripSeparators(raw) : null;
}

export function isValidEconomicCode(raw: string): boolean {
  return economicCodeKind(raw) !== null;
}
