// Zod schemas for Iranian identifiers and Persian text, shared by the API contracts
// and the web forms. Each one PREPROCESSES (any digits, spaces, dashes → the stored
// form) and then checks, with Persian messages that name the field.
// The preprocess input type is declared as string so form libraries infer string
// fields; at runtime non-strings pass through untouched and fail z.string().
import { z } from 'zod';
import { parseJalaliOrIso } from '../jalali.js';
import { normalizePersian, toPersianDigits } from '../text.js';
import { normalizeBankCard } from './bank-card.js';
import { normalizeEconomicCode } from './economic-code.js';
import { normalizeLegalId } from './legal-id.js';
import { normalizeMobile } from './mobile.js';
import { normalizeNationalId } from './national-id.js';
import { normalizePhone } from './phone.js';
import { normalizePostalCode } from './postal-code.js';
import { normalizeSheba } from './sheba.js';

const required = (label: string): string => `${label} الزامی است`;
const invalid = (label: string): string => `${label} معتبر نیست`;

function zString(label: string) {
  return z.string({ error: (iss) => (iss.input == null ? required(label) : invalid(label)) });
}

function identifier(label: string, normalize: (raw: string) => string | null) {
  const check = zString(label)
    .min(1, { error: required(label), abort: true })
    // Normal forms are fixed points, so "normalizes to itself" means "valid".
    .refine((v) => normalize(v) === v, { error: invalid(label) });
  return z.preprocess<unknown, typeof check, string>(
    (v) => (typeof v === 'string' ? (normalize(v) ?? v.trim()) : v),
    check,
  );
}

export const zNationalId = (label = 'کد ملی') => identifier(label, normalizeNationalId);
export const zLegalId = (label = 'شناسه ملی') => identifier(label, normalizeLegalId);
export const zEconomicCode = (label = 'کد اقتصادی') => identifier(label, normalizeEconomicCode);
export const zSheba = (label = 'شماره شبا') => identifier(label, normalizeSheba);
export const zBankCard = (label = 'شماره کارت') => identifier(label, normalizeBankCard);
export const zMobile = (label = 'شماره موبایل') => identifier(label, normalizeMobile);
export const zPostalCode = (label = 'کد پستی') => identifier(label, normalizePostalCode);
export const zPhone = (label = 'شماره تلفن', defaultAreaCode?: string) =>
  identifier(label, (raw) => normalizePhone(raw, defaultAreaCode));

export type PersianTextOptions = {
  label: string;
  /** Default 1: the field is required. Use 0 (or zOptional) for an optional field. */
  min?: number;
  max?: number;
  /** Keep line breaks (notes, addresses). */
  multiline?: boolean;
};

/** Free Persian text, stored normalized (ی/ک, Latin digits, tidy spaces). */
export function zPersianText({ label, min = 1, max, multiline = false }: PersianTextOptions) {
  let check = zString(label);
  if (min > 0) {
    const msg = min === 1 ? required(label) : `${label} باید حداقل ${toPersianDigits(min)} نویسه باشد`;
    check = check.min(min, { error: msg });
  }
  if (max !== undefined) check = check.max(max, { error: `${label} حداکثر ${toPersianDigits(max)} نویسه است` });
  return z.preprocess<unknown, typeof check, string>(
    (v) => (typeof v === 'string' ? normalizePersian(v, { multiline }) : v),
    check,
  );
}

/**
 * A date typed as Jalali (`1403/12/30`, `۱۴۰۳-۱۲-۳۰ ۱۴:۳۰`), an ISO string, or a Date
 * from a date picker → Date. Date-only input means midnight in Tehran.
 */
export function zJalaliDate(label = 'تاریخ') {
  return z
    .union([z.string(), z.date()], { error: (iss) => (iss.input == null ? required(label) : invalid(label)) })
    .transform((v, ctx) => {
      if (v instanceof Date) {
        if (!Number.isNaN(v.getTime())) return v;
      } else if (v.trim() === '') {
        ctx.issues.push({ code: 'custom', message: required(label), input: v });
        return z.NEVER;
      } else {
        const parsed = parseJalaliOrIso(v);
        if (parsed) return parsed;
      }
      ctx.issues.push({ code: 'custom', message: invalid(label), input: v });
      return z.NEVER;
    });
}

/**
 * Makes any of these schemas optional the way forms send it: '', whitespace,
 * null and undefined all become undefined; anything else must be valid.
 */
export function zOptional<T extends z.ZodType>(schema: T) {
  return z.preprocess<unknown, z.ZodOptional<T>, z.input<T> | null | undefined>(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema.optional(),
  );
}
