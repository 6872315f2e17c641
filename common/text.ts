// Persian text helpers shared by the server and the web app (pure TS, no Node APIs).
// Two normal forms on purpose: normalizePersian() is what we STORE (keeps ZWNJ and
// diacritics the user typed), searchNormalize() is what we INDEX and QUERY with
// (aggressively folds spelling variants so «می‌خواهم» finds «میخواهم»).

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/** Persian ۰-۹ and Arabic-Indic ٠-٩ → ASCII 0-9. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_ZERO);
  });
}

/** ASCII and Arabic-Indic digits → Persian ۰-۹; everything else is left alone. */
export function toPersianDigits(s: string | number | bigint): string {
  return String(s).replace(/[0-9\u0660-\u0669]/g, (c) => {
    const code = c.charCodeAt(0);
    const digit = code >= ARABIC_ZERO ? code - ARABIC_ZERO : code - 48;
    return String.fromCharCode(PERSIAN_ZERO + digit);
  });
}

/** After toLatinDigits, drop everything that is not 0-9. */
export function digitsOnly(s: string): string {
  return toLatinDigits(s).replace(/\D/g, '');
}

// Invisible characters that arrive with copy-paste (BOM, zero-width space, bidi
// marks/embeddings/isolates incl. the Arabic letter mark) and break equality and
// validation. ZWNJ (U+200C) and ZWJ (U+200D) are NOT here: they carry meaning.
const INVISIBLE = /[\u200B\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const TATWEEL = /\u0640/g;
// \s already covers NBSP, thin spaces, ideographic space etc.; it does not cover ZWNJ.
const HORIZONTAL_SPACE = /[^\S\n]+/g;

// Characters that no step of either normal form changes: printable ASCII (NFKC leaves it alone) and the
// Persian letters in their standard form (no Arabic yeh/kaf, teh marbuta, hamza forms, tatweel, digits,
// diacritics, invisible marks). A string of only these needs nothing but its spaces tidied — most names
// and IDs are such strings, and an import normalises several per row for 100,000 rows, so the regex
// passes below were a visible share of its time. Same results as the full path (see text.test.ts).
const PLAIN = /^[\x20-\x7E\u0621\u0627\u0628\u062A-\u063A\u0641\u0642\u0644-\u0648\u067E\u0686\u0698\u06A9\u06AF\u06CC]*$/;
const PLAIN_OR_ZWNJ = /^[\x20-\x7E\u0621\u0627\u0628\u062A-\u063A\u0641\u0642\u0644-\u0648\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200C]*$/;
const tidySpaces = (s: string) => (s.includes('  ') ? s.replace(/ {2,}/g, ' ') : s).trim();

export type NormalizeOptions = {
  /** Keep line breaks (notes, addresses); runs of blank lines shrink to one. Default false. */
  multiline?: boolean;
};

/**
 * Normal form for STORING user input: Arabic ي/ى → ی, ك → ک, any digits → Latin,
 * tatweel and invisible marks removed, whitespace runs collapsed to one space, trimmed.
 * ZWNJ is kept (it is correct Persian orthography) but tidied: repeated ZWNJs become
 * one, and a ZWNJ next to a space or at either end is dropped.
 */
export function normalizePersian(s: string, opts: NormalizeOptions = {}): string {
  if (PLAIN.test(s)) return tidySpaces(s);
  let out = toLatinDigits(s)
    .replace(/[\u064A\u0649]/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(TATWEEL, '')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    // ZWNJ first: dropping one next to a space must not leave two spaces behind.
    .replace(/\u200C{2,}/g, '\u200C')
    .replace(/\u200C*(\s)\u200C*/g, '$1')
    .replace(/^\u200C+|\u200C+$/g, '');
  if (opts.multiline) {
    out = out
      .replace(HORIZONTAL_SPACE, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    out = out.replace(/\s+/g, ' ');
  }
  return out.trim();
}

// Diacritics (fathatan…sukun), superscript alef, hamza above/below: users type them
// inconsistently, so they never take part in matching.
const DIACRITICS = /[\u064B-\u0652\u0670\u0654\u0655]/g;

// Letter variants folded for matching only. ۀ (U+06C0) and ة (U+0629) → ه: «خانهٔ» /
// «خانۀ» / «خانه» must match. Alef variants → ا: people write «آدرس» and «ادرس».
// ؤ → و and ڪ → ک for the same reason.
const SEARCH_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u06C0\u0629\u06D5]/g, '\u0647'],
  [/[\u0622\u0623\u0625\u0671]/g, '\u0627'],
  [/\u0624/g, '\u0648'],
  [/\u06AA/g, '\u06A9'],
];

/**
 * Normal form for the search index and for queries (both sides must use it).
 * normalizePersian + NFKC (folds Arabic presentation forms such as ﻻ), diacritics
 * stripped, letter variants folded, ZWJ removed, ZWNJ → space, Latin lowercased,
 * spaces collapsed.
 */
export function searchNormalize(s: string): string {
  // ZWNJ becomes a space below, wherever it stands; nothing else differs for such a string.
  if (PLAIN_OR_ZWNJ.test(s)) return tidySpaces(s.replace(/\u200C/g, ' ')).toLowerCase();
  let out = normalizePersian(s.normalize('NFKC'));
  out = out.replace(DIACRITICS, '');
  for (const [re, to] of SEARCH_FOLDS) out = out.replace(re, to);
  return out
    .replace(/\u200D/g, '')
    .replace(/\u200C/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
