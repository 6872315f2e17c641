import { describe, expect, it } from 'vitest';
import { digitsOnly, normalizePersian, searchNormalize, toLatinDigits, toPersianDigits } from '../text.js';

const ZWNJ = '\u200C';

describe('toLatinDigits', () => {
  it('converts Persian and Arabic-Indic digits and leaves the rest', () => {
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('کد ۱۲۳ و ٤٥٦ و 789')).toBe('کد 123 و 456 و 789');
    expect(toLatinDigits('')).toBe('');
  });
});

describe('toPersianDigits', () => {
  it('converts strings, numbers and bigints', () => {
    expect(toPersianDigits('0123456789')).toBe('۰۱۲۳۴۵۶۷۸۹');
    expect(toPersianDigits(1403)).toBe('۱۴۰۳');
    expect(toPersianDigits(12345678901234567890n)).toBe('۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰');
    expect(toPersianDigits('٤٥٦ and 7')).toBe('۴۵۶ and ۷');
    expect(toPersianDigits('1403/12/30')).toBe('۱۴۰۳/۱۲/۳۰');
  });
});

describe('digitsOnly', () => {
  it('keeps only digits, after converting them to Latin', () => {
    expect(digitsOnly('۰۹۱۲-۱۲۳ ۴۵۶۷')).toBe('09121234567');
    expect(digitsOnly('IR 82-٠٥٤')).toBe('82054');
    expect(digitsOnly('بدون رقم')).toBe('');
  });
});

describe('normalizePersian', () => {
  it('maps Arabic yeh and kaf to Persian', () => {
    expect(normalizePersian('علي')).toBe('علی');
    expect(normalizePersian('كريم')).toBe('کریم');
    expect(normalizePersian('مصطفى')).toBe('مصطفی');
    expect(normalizePersian('يك')).toBe('یک');
  });

  it('converts digits to Latin', () => {
    expect(normalizePersian('۰۹۱۲')).toBe('0912');
    expect(normalizePersian('پلاک ٤٥')).toBe('پلاک 45');
  });

  it('keeps ZWNJ inside words', () => {
    expect(normalizePersian(`می${ZWNJ}خواهم`)).toBe(`می${ZWNJ}خواهم`);
    expect(normalizePersian(`کتاب${ZWNJ}ها`)).toBe(`کتاب${ZWNJ}ها`);
  });

  it('tidies stray ZWNJs', () => {
    expect(normalizePersian(`می${ZWNJ}${ZWNJ}خواهم`)).toBe(`می${ZWNJ}خواهم`);
    expect(normalizePersian(`${ZWNJ}سلام${ZWNJ}`)).toBe('سلام');
    expect(normalizePersian(`علی ${ZWNJ} رضا`)).toBe('علی رضا');
  });

  it('trims, collapses whitespace and removes tatweel', () => {
    expect(normalizePersian('  علي   \t كريمی\n\nزاده  ')).toBe('علی کریمی زاده');
    expect(normalizePersian('تهـــران')).toBe('تهران');
    expect(normalizePersian('\u00A0نام\u2009خانوادگی\u00A0')).toBe('نام خانوادگی');
  });

  it('removes invisible copy-paste marks', () => {
    expect(normalizePersian('\u200F۰۹۱۲\u200E۱۲۳\uFEFF')).toBe('0912123');
    expect(normalizePersian('\u202Bعلی\u202C')).toBe('علی');
  });

  it('normalizes a mixed string in one go', () => {
    expect(normalizePersian(` شركت  كيان${ZWNJ}ـرايان   پلاك ۱۲  واحد ٣ `)).toBe(
      `شرکت کیان${ZWNJ}رایان پلاک 12 واحد 3`,
    );
  });

  it('keeps diacritics (storage keeps what the user wrote)', () => {
    expect(normalizePersian('عَلی')).toBe('عَلی');
  });

  it('keeps line breaks in multiline mode', () => {
    expect(normalizePersian('  خط  اول \r\n\r\n\r\n  خط  دوم  ', { multiline: true })).toBe('خط اول\n\nخط دوم');
    expect(normalizePersian('الف\nب', { multiline: true })).toBe('الف\nب');
  });

  it('is idempotent', () => {
    const once = normalizePersian(` كريم  ${ZWNJ}علي ۱۲ `);
    expect(normalizePersian(once)).toBe(once);
  });
});

describe('searchNormalize', () => {
  it('turns ZWNJ into a space', () => {
    expect(searchNormalize(`می${ZWNJ}خواهم`)).toBe('می خواهم');
    expect(searchNormalize('می خواهم')).toBe('می خواهم');
  });

  it('strips diacritics, superscript alef and hamza marks', () => {
    expect(searchNormalize('عَلِیّ')).toBe('علی');
    expect(searchNormalize('مُحَمَّد')).toBe('محمد');
    expect(searchNormalize('کتابٌ')).toBe('کتاب');
    expect(searchNormalize('موسیٰ')).toBe('موسی');
  });

  it('folds heh, alef and other letter variants', () => {
    expect(searchNormalize('خانۀ')).toBe('خانه');
    expect(searchNormalize('خانهٔ')).toBe('خانه');
    expect(searchNormalize('مدرسة')).toBe('مدرسه');
    expect(searchNormalize('آدرس')).toBe('ادرس');
    expect(searchNormalize('أحمد')).toBe('احمد');
    expect(searchNormalize('إیران')).toBe('ایران');
    expect(searchNormalize('مؤسسه')).toBe('موسسه');
    expect(searchNormalize('ه\u200D')).toBe('ه');
  });

  it('folds Arabic presentation forms', () => {
    expect(searchNormalize('\uFEFB')).toBe('لا');
  });

  it('applies normalizePersian, lowercases Latin, collapses spaces', () => {
    expect(searchNormalize('  شركت   ACME  Co ')).toBe('شرکت acme co');
    expect(searchNormalize('علي ۰۹۱۲')).toBe('علی 0912');
    expect(searchNormalize(`كتاب${ZWNJ}هاي  قديمي`)).toBe('کتاب های قدیمی');
  });

  it('gives the same key for spelling variants of one name', () => {
    const variants = ['علي كريمي', 'عَلی کریمی', ' علی   کریمی ', 'علـی کریمی'];
    expect(new Set(variants.map(searchNormalize))).toEqual(new Set(['علی کریمی']));
  });
});

describe('the fast path for plain text', () => {
  // Strings of plain characters take a shortcut; adding a character that only the full path removes
  // (tatweel for storing, a diacritic for searching) forces the full path, and the results must agree.
  const alphabet = ['a', 'Z', '0', '9', ' ', '  ', '-', '@', '.', 'ا', 'ب', 'پ', 'ت', 'چ', 'ژ', 'ک', 'گ', 'ی', 'ء', 'و', 'ن', 'ZWNJ'];
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const next = random(42);
  const samples = Array.from({ length: 2000 }, () =>
    Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]!)
      .map((c) => (c === 'ZWNJ' ? ZWNJ : c))
      .join(''),
  );
  it('stores plain text exactly as the full normalisation does', () => {
    for (const s of samples.filter((x) => !x.includes(ZWNJ))) expect(normalizePersian(s)).toBe(normalizePersian(`${s}\u0640`));
    expect(normalizePersian('  محمد   رضا  ')).toBe('محمد رضا');
  });
  it('indexes plain text (ZWNJ included) exactly as the full search normalisation does', () => {
    for (const s of samples) expect(searchNormalize(s)).toBe(searchNormalize(`${s}\u064B`));
    expect(searchNormalize(`نیک${ZWNJ}نام  Ali`)).toBe('نیک نام ali');
  });
});
