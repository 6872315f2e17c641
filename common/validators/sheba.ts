// شماره شبا (Iranian IBAN): IR + 2 check digits + 22 digits, ISO 13616 mod-97 check.
import { stripSeparators } from './clean-input.js';

// Bank code (characters 5–7 of the Sheba) → bank name.
const SHEBA_BANKS: Readonly<Record<string, string>> = {
  '010': 'بانک مرکزی جمهوری اسلامی ایران',
  '011': 'بانک صنعت و معدن',
  '012': 'بانک ملت',
  '013': 'بانک رفاه کارگران',
  '014': 'بانک مسکن',
  '015': 'بانک سپه',
  '016': 'بانک کشاورزی',
  '017': 'بانک ملی ایران',
  '018': 'بانک تجارت',
  '019': 'بانک صادرات ایران',
  '020': 'بانک توسعه صادرات',
  '021': 'پست بانک ایران',
  '022': 'بانک توسعه تعاون',
  '051': 'موسسه اعتباری توسعه',
  '052': 'بانک قوامین',
  '053': 'بانک کارآفرین',
  '054': 'بانک پارسیان',
  '055': 'بانک اقتصاد نوین',
  '056': 'بانک سامان',
  '057': 'بانک پاسارگاد',
  '058': 'بانک سرمایه',
  '059': 'بانک سینا',
  '060': 'بانک قرض‌الحسنه مهر ایران',
  '061': 'بانک شهر',
  '062': 'بانک آینده',
  '063': 'بانک انصار',
  '064': 'بانک گردشگری',
  '065': 'بانک حکمت ایرانیان',
  '066': 'بانک دی',
  '069': 'بانک ایران زمین',
  '070': 'بانک قرض‌الحسنه رسالت',
  '073': 'موسسه اعتباری کوثر',
  '075': 'موسسه اعتباری ملل',
  '078': 'بانک خاورمیانه',
  '079': 'بانک مهر اقتصاد',
  '080': 'موسسه اعتباری نور',
  '090': 'بانک قرض‌الحسنه مهر ایران',
  '095': 'بانک ایران و ونزوئلا',
};

/** `IR` + 24 digits, or null. The `IR` may be omitted (forms often show it as a fixed prefix). */
export function normalizeSheba(raw: string): string | null {
  let s = stripSeparators(raw).toUpperCase();
  if (/^\d{24}$/.test(s)) s = `IR${s}`;
  if (!/^IR\d{24}$/.test(s)) return null;
  // Move country code and check digits to the end; I = 18, R = 27; the result mod 97 must be 1.
  const rearranged = `${s.slice(4)}1827${s.slice(2, 4)}`;
  return BigInt(rearranged) % 97n === 1n ? s : null;
}

export function isValidSheba(raw: string): boolean {
  return normalizeSheba(raw) !== null;
}

/** Three-digit bank code, e.g. '054' for Parsian; null when the Sheba is invalid. */
export function shebaBankCode(sheba: string): string | null {
  const s = normalizeSheba(sheba);
  return s ? s.slice(4, 7) : null;
}

/** Persian bank name; null when the Sheba is invalid or the bank code is unknown. */
export function shebaBankName(sheba: string): string | null {
  const code = shebaBankCode(sheba);
  return code ? (SHEBA_BANKS[code] ?? null) : null;
}
