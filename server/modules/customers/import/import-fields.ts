// The customer fields a file column can be mapped to, with the Persian names the mapping screen and the
// rejection reasons use. Keys follow the readers' synonym list (so its suggestions land here unchanged)
// plus a few fields it does not know: kind, website, wedding date, grade.
import { headerMatchKey, suggestMapping, type FieldSynonyms } from '../../../platform/import/readers/index.js';
import { CUSTOMER_FIELD_SYNONYMS } from './customer-field-synonyms.js';

export const IMPORT_FIELDS = [
  { key: 'kind', label: 'نوع مشتری (حقیقی/حقوقی)' },
  { key: 'code', label: 'کد مشتری' },
  { key: 'fullName', label: 'نام کامل' },
  { key: 'firstName', label: 'نام' },
  { key: 'lastName', label: 'نام خانوادگی' },
  { key: 'companyName', label: 'نام سازمان' },
  { key: 'nationalId', label: 'کد ملی' },
  { key: 'legalId', label: 'شناسه ملی' },
  { key: 'economicCode', label: 'کد اقتصادی' },
  { key: 'registrationNo', label: 'شماره ثبت' },
  { key: 'mobile', label: 'شماره موبایل' },
  { key: 'phone', label: 'شماره تلفن' },
  { key: 'email', label: 'ایمیل' },
  { key: 'website', label: 'وب‌سایت' },
  { key: 'birthDate', label: 'تاریخ تولد' },
  { key: 'weddingDate', label: 'سالگرد ازدواج' },
  { key: 'grade', label: 'درجه' },
  { key: 'tags', label: 'برچسب‌ها' },
  { key: 'source', label: 'شیوه آشنایی' },
  { key: 'note', label: 'توضیحات' },
  { key: 'province', label: 'استان' },
  { key: 'city', label: 'شهر' },
  { key: 'postalCode', label: 'کد پستی' },
  { key: 'address', label: 'نشانی' },
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];
export const MATCH_FIELDS = ['nationalId', 'legalId', 'economicCode', 'mobile', 'email', 'code'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

const LABELS: Record<string, string> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label]));
LABELS.kind = 'نوع مشتری';
LABELS.notes = 'توضیحات';
LABELS.sourceId = 'شیوه آشنایی';
LABELS.tags = 'برچسب';
/** The Persian name of a field (import key or customer column) for messages. */
export const fieldLabelFa = (key: string) => LABELS[key] ?? key;

// Our own export writes «نوع» for the kind column; only an exact header counts, since «نوع سازمان» is not it.
const KIND_HEADERS = ['نوع', 'نوع مشتری', 'نوع شخص', 'حقیقی/حقوقی', 'حقیقی یا حقوقی', 'شخصیت', 'kind', 'customer type'];
const EXTRA_SYNONYMS: FieldSynonyms[] = [
  { key: 'website', synonyms: ['وب سایت', 'سایت', 'website', 'web site', 'url', 'web page'] },
  { key: 'weddingDate', synonyms: ['سالگرد ازدواج', 'تاریخ ازدواج', 'wedding date', 'anniversary'] },
  { key: 'grade', synonyms: ['درجه', 'درجه مشتری', 'grade', 'rating'] },
];
const kindKeys = new Set(KIND_HEADERS.map(headerMatchKey));
const GIVEN_NAME_KEYS = new Set(['نام کوچک', 'first name', 'given name'].map(headerMatchKey));

/** Column index → field key, only for the columns we could guess. */
export function suggestImportMapping(headers: readonly string[]): Record<string, string> {
  const suggested = suggestMapping(headers, [...CUSTOMER_FIELD_SYNONYMS, ...EXTRA_SYNONYMS]);
  const out: Record<string, string> = {};
  const taken = new Set<string>();
  for (const [column, field] of Object.entries(suggested)) {
    if (field && LABELS[field]) {
      out[column] = field;
      taken.add(field);
    }
  }
  // Our export has «نام» (display name) AND «نام کوچک»: then «نام» is the full name.
  const given = headers.findIndex((h) => GIVEN_NAME_KEYS.has(headerMatchKey(h)));
  const nameCol = Object.keys(out).find((c) => out[c] === 'firstName' && headerMatchKey(headers[Number(c)] ?? '') === headerMatchKey('نام'));
  if (given >= 0 && nameCol !== undefined && out[given] === undefined && !taken.has('fullName')) {
    out[nameCol] = 'fullName';
    out[given] = 'firstName';
    taken.add('fullName');
  }
  headers.forEach((h, i) => {
    if (out[i] === undefined && !taken.has('kind') && kindKeys.has(headerMatchKey(h))) {
      out[i] = 'kind';
      taken.add('kind');
    }
  });
  return out;
}
