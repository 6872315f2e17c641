// Money is always an integer number of Rial (bigint in the server, bigint / safe
// integer / digit string at the edges). Toman exists only on screen: 1 Toman = 10 Rial.
// All arithmetic here is bigint, so amounts beyond 2^53 (common in Rial) stay exact.
import { normalizePersian, toPersianDigits } from './text.js';

export type CurrencyDisplay = 'rial' | 'toman';
export type MoneyInput = bigint | number | string;

export type FormatMoneyOptions = {
  /** 'fa' (default): ۱۲۳٬۴۵۶ — 'latin': 123,456 */
  digits?: 'fa' | 'latin';
  /** Append «ریال» / «تومان». Default false. */
  unit?: boolean;
};

const UNIT_WORD: Record<CurrencyDisplay, string> = { rial: 'ریال', toman: 'تومان' };

/**
 * Any accepted amount → bigint Rial. Throws RangeError for non-integers, unsafe
 * numbers (they have already lost digits) and strings parseAmount() refuses.
 */
export function toRial(value: MoneyInput): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer Rial amount: ${value}`);
    return BigInt(value);
  }
  const parsed = parseAmount(value);
  if (parsed === null) throw new RangeError(`Not an integer Rial amount: ${JSON.stringify(value)}`);
  return parsed;
}

function groupThousands(abs: bigint, separator: string): string {
  return abs.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * `formatMoney(1234567n)` → `۱٬۲۳۴٬۵۶۷`; `formatMoney(15, 'toman', { unit: true })`
 * → `۱٫۵ تومان` (a decimal only when the amount is not a whole Toman).
 */
export function formatMoney(rial: MoneyInput, display: CurrencyDisplay = 'rial', opts: FormatMoneyOptions = {}): string {
  const n = toRial(rial);
  const fa = opts.digits !== 'latin';
  const abs = n < 0n ? -n : n;
  let text: string;
  if (display === 'toman') {
    const rest = abs % 10n;
    text = groupThousands(abs / 10n, fa ? '\u066C' : ',');
    if (rest !== 0n) text += (fa ? '\u066B' : '.') + rest.toString();
  } else {
    text = groupThousands(abs, fa ? '\u066C' : ',');
  }
  if (n < 0n) text = `-${text}`;
  if (fa) text = toPersianDigits(text);
  return opts.unit ? `${text} ${UNIT_WORD[display]}` : text;
}

const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
// Written joined («چهارصد», not «چهار صد»), as on invoices and cheques.
const HUNDREDS = ['', 'صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];
// Short scale, as Iranian banks and persian-tools use it: میلیارد = 10^9, تریلیون = 10^12.
const SCALES = ['', 'هزار', 'میلیون', 'میلیارد', 'تریلیون', 'کوآدریلیون', 'کوینتیلیون'];
const WORDS_LIMIT = 10n ** BigInt(3 * SCALES.length); // 10^21

function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(HUNDREDS[h]!);
  if (rest >= 20) {
    parts.push(TENS[Math.floor(rest / 10)]!);
    if (rest % 10) parts.push(ONES[rest % 10]!);
  } else if (rest >= 10) {
    parts.push(TEENS[rest - 10]!);
  } else if (rest) {
    parts.push(ONES[rest]!);
  }
  return parts.join(' و ');
}

/**
 * Persian words for an integer: 1250000 → «یک میلیون و دویست و پنجاه هزار»,
 * 1000 → «یک هزار» (the explicit «یک» is the form written on cheques), 0 → «صفر»,
 * -5 → «منفی پنج». Works up to 10^21 − 1; larger values throw RangeError.
 */
export function amountToWords(n: MoneyInput): string {
  const value = toRial(n);
  if (value === 0n) return 'صفر';
  let abs = value < 0n ? -value : value;
  if (abs >= WORDS_LIMIT) throw new RangeError('Amount too large to write in words');
  const groups: string[] = [];
  for (let scale = 0; abs > 0n; scale++, abs /= 1000n) {
    const group = Number(abs % 1000n);
    if (group) groups.unshift(scale ? `${below1000(group)} ${SCALES[scale]}` : below1000(group));
  }
  const words = groups.join(' و ');
  return value < 0n ? `منفی ${words}` : words;
}

/**
 * Words plus the unit, for documents: «یک میلیون ریال», or in Toman «صد تومان»;
 * a Toman amount with Rial left over reads «یک تومان و پنج ریال».
 */
export function amountToWordsWithUnit(rial: MoneyInput, display: CurrencyDisplay = 'rial'): string {
  const value = toRial(rial);
  if (display === 'rial') return `${amountToWords(value)} ریال`;
  const abs = value < 0n ? -value : value;
  const toman = abs / 10n;
  const rest = abs % 10n;
  let words: string;
  if (rest === 0n) words = `${amountToWords(toman)} تومان`;
  else if (toman === 0n) words = `${amountToWords(rest)} ریال`;
  else words = `${amountToWords(toman)} تومان و ${amountToWords(rest)} ریال`;
  return value < 0n ? `منفی ${words}` : words;
}

// Plain digits, or groups of three after the first joined by , ٬ ، ' or a space.
// Grouping is enforced because «12,5» is a European decimal: stripping the comma
// would silently make it ten times larger.
const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(?:[,\u066C\u060C' ]\d{3})+$/;

/**
 * User-typed amount → bigint Rial, or null. Accepts any digits, thousands
 * separators and a leading minus; rejects decimals, letters and odd grouping.
 */
export function parseAmount(input: string): bigint | null {
  let s = normalizePersian(input);
  let negative = false;
  const sign = /^[-\u2212]\s*/.exec(s);
  if (sign) {
    negative = true;
    s = s.slice(sign[0].length);
  }
  if (!PLAIN.test(s) && !GROUPED.test(s)) return null;
  const value = BigInt(s.replace(/\D/g, ''));
  return negative ? -value : value;
}
