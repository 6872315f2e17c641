// Exact stock quantities without floats: a quantity is a bigint count of micro-units (6 decimals), the
// same scale as the database's numeric(18, 6). Shared by the server (ledger arithmetic) and the web
// (parsing what a storekeeper types, formatting). Pure TS, no Node APIs.
import { normalizePersian, toPersianDigits } from './text.js';

/** A quantity in millionths of the unit. */
export type Qty = bigint;

export const QTY_SCALE = 6;
const FACTOR = 10n ** BigInt(QTY_SCALE);
/** numeric(18, 6): at most 12 digits before the decimal point. */
const MAX_ABS = 10n ** 18n - 1n;

export const ZERO: Qty = 0n;

export type ParseQuantityError = 'empty' | 'invalid' | 'too_many_decimals' | 'too_large';
export type ParseQuantityResult = { ok: true; value: Qty } | { ok: false; error: ParseQuantityError };

// Persian decimal separator ٫ (U+066B) or '.'; thousands in groups of three joined by , ٬ ، or a space.
// Grouping is enforced because «12,5» is a European decimal: dropping the comma would make it 125.
const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:[,\u066C\u060C ]\d{3})+(?:\.\d+)?$/;

/** What a person typed (any digits, ٫ or . as decimal point, grouped thousands, leading minus) → micro-units. */
export function parseQuantity(input: string | number | bigint): ParseQuantityResult {
  if (typeof input === 'bigint') return inRange(input * FACTOR);
  let s = typeof input === 'number' ? numberToPlain(input) : normalizePersian(input).replace(/\u066B/g, '.');
  if (s === null) return { ok: false, error: 'invalid' };
  s = s.trim();
  if (s === '') return { ok: false, error: 'empty' };
  let negative = false;
  const sign = /^[-\u2212]\s*/.exec(s);
  if (sign) {
    negative = true;
    s = s.slice(sign[0].length);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s.startsWith('.')) s = `0${s}`;
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { ok: false, error: 'invalid' };
  const [whole = '0', frac = ''] = s.replace(/[,\u066C\u060C ]/g, '').split('.');
  const fracTrimmed = frac.replace(/0+$/, '');
  if (fracTrimmed.length > QTY_SCALE) return { ok: false, error: 'too_many_decimals' };
  const value = BigInt(whole) * FACTOR + BigInt(fracTrimmed.padEnd(QTY_SCALE, '0') || '0');
  return inRange(negative ? -value : value);
}

function inRange(v: Qty): ParseQuantityResult {
  return v > MAX_ABS || v < -MAX_ABS ? { ok: false, error: 'too_large' } : { ok: true, value: v };
}

/** A JS number as plain decimal text (no exponent); null for NaN/Infinity. */
function numberToPlain(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // toFixed avoids "1e-7"; 7 places so a value with more than 6 decimals is still detected.
  const fixed = Math.abs(n) < 1e21 ? n.toFixed(7) : null;
  if (fixed === null) return null;
  // toFixed(7) of 0.1 is "0.1000000", of 0.1234567 "0.1234567": trailing zeros are not digits the user typed.
  return fixed.replace(/\.?0+$/, '') || '0';
}

/** Parse or throw; for values from trusted places (the database, tests). */
export function qty(input: string | number | bigint): Qty {
  const r = parseQuantity(input);
  if (!r.ok) throw new RangeError(`Invalid quantity ${String(input)}: ${r.error}`);
  return r.value;
}

const DB_NUMERIC = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;

/** The database's numeric text ("12.500000", "-3") → micro-units; stock pages convert thousands per request, so
 * the canonical form skips the normalisation that typed input needs. */
export function qtyFromDb(s: string | null | undefined): Qty {
  if (s == null) return 0n;
  const m = DB_NUMERIC.exec(s);
  if (!m) return qty(s);
  const v = BigInt(m[2]!) * FACTOR + BigInt((m[3] ?? '').padEnd(QTY_SCALE, '0'));
  return m[1] ? -v : v;
}

/** Micro-units → the shortest exact decimal text ("12.5", "-3", "0.000001"), for the database and the API. */
export function qtyToString(q: Qty): string {
  const negative = q < 0n;
  const abs = negative ? -q : q;
  const whole = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(QTY_SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** How many fraction digits a quantity really has (12.50 → 1). */
export function decimalsOf(q: Qty): number {
  const frac = (q < 0n ? -q : q) % FACTOR;
  if (frac === 0n) return 0;
  return QTY_SCALE - (frac.toString().padStart(QTY_SCALE, '0').match(/0*$/)?.[0].length ?? 0);
}

/** Whether a quantity is allowed in a unit that takes `allowed` decimals (0 = whole units only). */
export const fitsDecimals = (q: Qty, allowed: number): boolean => decimalsOf(q) <= Math.max(0, Math.min(allowed, QTY_SCALE));

export const addQty = (...qs: Qty[]): Qty => qs.reduce((a, b) => a + b, 0n);
export const subQty = (a: Qty, b: Qty): Qty => a - b;
export const negQty = (a: Qty): Qty => -a;
export const cmpQty = (a: Qty, b: Qty): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);
export const minQty = (a: Qty, b: Qty): Qty => (a < b ? a : b);
export const isPositive = (q: Qty) => q > 0n;
export const isNegative = (q: Qty) => q < 0n;

export type FormatQuantityOptions = {
  /** Persian digits (default) or Latin. */
  digits?: 'fa' | 'latin';
  /** Group thousands (default true) with ٬ for Persian, , for Latin. */
  grouping?: boolean;
  /** Always show this many decimals (e.g. a unit's decimals); default: only the digits there are. */
  minDecimals?: number;
};

/** `۱٬۲۵۰٫۵` for people: Persian digits, Persian separators, minus sign in front (after an LRM mark). */
export function formatQuantity(q: Qty, opts: FormatQuantityOptions = {}): string {
  const latin = opts.digits === 'latin';
  const [whole = '0', frac = ''] = qtyToString(q).replace('-', '').split('.');
  const fracOut = frac.padEnd(Math.min(opts.minDecimals ?? 0, QTY_SCALE), '0');
  const grouped = opts.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, latin ? ',' : '\u066C');
  const text = `${grouped}${fracOut ? `${latin ? '.' : '\u066B'}${fracOut}` : ''}`;
  // In right-to-left text a bare '-' before Persian digits shows on the wrong side; LRM keeps it in front.
  if (latin) return `${q < 0n ? '-' : ''}${text}`;
  return `${q < 0n ? '\u200E-' : ''}${toPersianDigits(text)}`;
}

/** The Persian message for a parse failure, naming the field, e.g. «مقدار ردیف ۲». */
export function quantityErrorMessage(error: ParseQuantityError, label: string): string {
  switch (error) {
    case 'empty': return `${label} الزامی است`;
    case 'too_many_decimals': return `${label} بیش از ${toPersianDigits(QTY_SCALE)} رقم اعشار دارد`;
    case 'too_large': return `${label} بیش از حد بزرگ است`;
    default: return `${label} عدد معتبری نیست`;
  }
}

/** The Persian message when a unit allows fewer decimals than typed. */
export function decimalsMessage(label: string, unitName: string, allowed: number): string {
  return allowed <= 0
    ? `${label} باید عدد صحیح باشد؛ واحد «${unitName}» اعشار نمی‌پذیرد`
    : `${label} حداکثر ${toPersianDigits(allowed)} رقم اعشار می‌تواند داشته باشد (واحد «${unitName}»)`;
}
