// شماره کارت: 16 digits, Luhn check, and an Iranian issuer prefix (BIN) so that a
// foreign card typed by mistake is caught. New BINs need a line in the table below.
import { digitsOnly } from '../text.js';
import { isRepeatedDigit, stripSeparators } from './clean-input.js';

export const BANK_CARD_ISSUERS: Readonly<Record<string, string>> = {
  '603799': 'بانک ملی ایران', '170019': 'بانک ملی ایران',
  '589210': 'بانک سپه',
  '627648': 'بانک توسعه صادرات', '207177': 'بانک توسعه صادرات',
  '627961': 'بانک صنعت و معدن',
  '603770': 'بانک کشاورزی', '639217': 'بانک کشاورزی',
  '628023': 'بانک مسکن',
  '627760': 'پست بانک ایران',
  '502908': 'بانک توسعه تعاون',
  '627412': 'بانک اقتصاد نوین',
  '622106': 'بانک پارسیان', '627884': 'بانک پارسیان', '639194': 'بانک پارسیان',
  '502229': 'بانک پاسارگاد', '639347': 'بانک پاسارگاد',
  '627488': 'بانک کارآفرین', '502910': 'بانک کارآفرین',
  '621986': 'بانک سامان',
  '639346': 'بانک سینا',
  '639607': 'بانک سرمایه',
  '636214': 'بانک آینده',
  '502806': 'بانک شهر', '504706': 'بانک شهر',
  '502938': 'بانک دی',
  '603769': 'بانک صادرات ایران', '903769': 'بانک صادرات ایران',
  '610433': 'بانک ملت', '991975': 'بانک ملت',
  '627353': 'بانک تجارت', '585983': 'بانک تجارت',
  '589463': 'بانک رفاه کارگران',
  '627381': 'بانک انصار',
  '639370': 'بانک مهر اقتصاد',
  '639599': 'بانک قوامین',
  '505416': 'بانک گردشگری', '505426': 'بانک گردشگری',
  '636949': 'بانک حکمت ایرانیان',
  '505785': 'بانک ایران زمین',
  '504172': 'بانک قرض‌الحسنه رسالت',
  '606373': 'بانک قرض‌الحسنه مهر ایران',
  '585947': 'بانک خاورمیانه',
  '505801': 'موسسه اعتباری کوثر',
  '606256': 'موسسه اعتباری ملل',
  '628157': 'موسسه اعتباری توسعه',
  '507677': 'موسسه اعتباری نور',
  '636795': 'بانک مرکزی جمهوری اسلامی ایران', '636797': 'بانک مرکزی جمهوری اسلامی ایران',
};

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normalizeBankCard(raw: string): string | null {
  const card = stripSeparators(raw);
  if (!/^\d{16}$/.test(card) || isRepeatedDigit(card)) return null;
  return luhnOk(card) && BANK_CARD_ISSUERS[card.slice(0, 6)] !== undefined ? card : null;
}

export function isValidBankCard(raw: string): boolean {
  return normalizeBankCard(raw) !== null;
}

/**
 * Persian name of the issuing bank from the first six digits. Works on a partly
 * typed number too (UI shows the bank while the user types); null when unknown.
 */
export function bankCardIssuer(card: string): string | null {
  const digits = digitsOnly(card);
  if (digits.length < 6) return null;
  return BANK_CARD_ISSUERS[digits.slice(0, 6)] ?? null;
}
