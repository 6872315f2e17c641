// Iranian mobile numbers, stored in one form: 09xxxxxxxxx.
import { stripSeparators } from './clean-input.js';

// Optional +98 / 0098 / 98 (with a stray 0 after it, as in «+98 (0)912…»), optional
// trunk 0, then 9 and nine digits. The digit after 9 must be an allocated block
// (090–094, 099: MCI, Irancell, Rightel, Taliya, Shatel, …); 095–098 are not mobile
// ranges, which is how 0980… is rejected. Blocks, not an operator list, so a new
// prefix inside an existing block keeps working.
const MOBILE = /^(?:(?:\+|00)?98)?0?(9[0-49]\d{8})$/;

export function normalizeMobile(raw: string): string | null {
  const m = MOBILE.exec(stripSeparators(raw).replace(/[()]/g, ''));
  return m ? `0${m[1]}` : null;
}

export function isValidMobile(raw: string): boolean {
  return normalizeMobile(raw) !== null;
}
