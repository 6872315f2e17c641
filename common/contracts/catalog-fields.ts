// Small zod building blocks of the product and price-list contracts: every one accepts Persian and
// Arabic digits and answers in Persian naming the field.
import { z } from 'zod';
import { isoDateInTehran, parseJalaliOrIso } from '../jalali.js';
import { normalizePersian, toLatinDigits, toPersianDigits } from '../text.js';
import { zOptional, zPersianText } from '../validators/zod.js';

const required = (label: string) => `${label} الزامی است`;
const invalid = (label: string) => `${label} معتبر نیست`;

/** A reference to another record by id; '' means none. */
export const zRef = (label: string) =>
  z.uuid({ error: (iss) => (iss.input == null ? required(label) : `${label} انتخاب‌شده معتبر نیست`) });
export const zOptRef = (label: string) =>
  z.preprocess((v) => (v === '' ? null : v), zRef(label).nullable().optional());

export const optText = (label: string, max: number, multiline = false) => zOptional(zPersianText({ label, max, multiline })).nullable();

/** A code or barcode: digits of any script to Latin, Arabic letters to Persian, no spaces inside. */
export const zCode = (label: string, max = 40) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? normalizePersian(v).replace(/\s+/g, '') : v),
    z.string({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) })
      .min(1, { error: required(label) })
      .max(max, { error: `${label} حداکثر ${toPersianDigits(max)} نویسه است` }),
  );
export const zOptCode = (label: string, max = 40) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), zCode(label, max).nullable().optional());

/** An amount in Rial: a non-negative integer, typed with any digits and thousands separators; kept as a digit string. */
export const zRial = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : typeof v === 'string' ? toLatinDigits(v).replace(/[\s,٬،_]/g, '') : v),
    z.string({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) })
      .min(1, { error: required(label) })
      .regex(/^\d{1,18}$/, { error: `${label} باید عددی صحیح و نامنفی به ریال باشد` }),
  );
export const zOptRial = (label: string) =>
  z.preprocess((v) => (v === '' ? null : v), zRial(label).nullable().optional());

/** A percentage 0–100 with up to two decimals (Persian «٫» accepted), kept as a string for numeric columns. */
export const zPercent = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? toLatinDigits(v).replace(/[٫/]/g, '.').trim() : v),
    z.string({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) })
      .regex(/^\d{1,3}(\.\d{1,2})?$/, { error: `${label} باید عددی بین ۰ تا ۱۰۰ با حداکثر دو رقم اعشار باشد` })
      .refine((s) => Number(s) <= 100, { error: `${label} نمی‌تواند بیش از ۱۰۰ باشد` }),
  );

/**
 * A positive ratio with up to six decimals (any digits, «٫» or «.»), kept as the canonical decimal string;
 * '' or null clears it. Zero is refused: a conversion of zero units means nothing.
 */
export const zOptRatio = (label: string) =>
  z.preprocess(
    (v) => (v === '' ? null : typeof v === 'number' ? String(v) : typeof v === 'string' ? toLatinDigits(v).replace(/[٫/]/g, '.').trim() : v),
    z.string({ error: invalid(label) })
      .regex(/^\d{1,12}(\.\d{1,6})?$/, { error: `${label} باید عددی مثبت با حداکثر شش رقم اعشار باشد` })
      .refine((s) => Number(s) > 0, { error: `${label} باید بزرگ‌تر از صفر باشد` })
      .transform((s) => s.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''))
      .nullable().optional(),
  );

/** A calendar date: ISO `2025-03-20` or Jalali `1403/12/30` (any digits) → ISO `YYYY-MM-DD`. */
export const zDay = (label: string) =>
  z.string({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) }).transform((v, ctx) => {
    if (!v.trim()) {
      ctx.issues.push({ code: 'custom', message: required(label), input: v });
      return z.NEVER;
    }
    const d = parseJalaliOrIso(v.trim());
    if (!d) {
      ctx.issues.push({ code: 'custom', message: invalid(label), input: v });
      return z.NEVER;
    }
    return isoDateInTehran(d);
  });
export const zOptDay = (label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), zDay(label).nullable().optional());

/** A small integer typed with any digits. */
export const zInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(toLatinDigits(v).trim()) : v),
    z.number({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) })
      .int({ error: `${label} باید عدد صحیح باشد` })
      .min(min, { error: `${label} باید حداقل ${toPersianDigits(min)} باشد` })
      .max(max, { error: `${label} حداکثر ${toPersianDigits(max)} می‌تواند باشد` }),
  );

export const zBool = (label: string) => z.boolean({ error: `${label} باید بله یا خیر باشد` });
export const zVersion = z.number({ error: 'نسخه معتبر نیست' }).int().positive().optional();
