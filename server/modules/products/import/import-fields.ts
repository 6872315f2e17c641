// The product fields a file column can be mapped to, with their Persian names. Besides the fixed fields
// there is one field per active price list (`price:<listId>`) and one per active warehouse
// (`stock:<warehouseId>`): their labels come from the company's own lists at preview time.
import { headerMatchKey, suggestMapping, type FieldSynonyms } from '../../../platform/import/readers/index.js';

export const IMPORT_FIELDS = [
  { key: 'code', label: 'کد کالا' },
  { key: 'name', label: 'نام کالا' },
  { key: 'description', label: 'توضیحات' },
  { key: 'kind', label: 'نوع (کالا/خدمت)' },
  { key: 'category', label: 'گروه کالا (گروه / زیرگروه)' },
  { key: 'brand', label: 'برند' },
  { key: 'unit', label: 'واحد اصلی' },
  { key: 'secondUnit', label: 'واحد دوم' },
  { key: 'barcode', label: 'بارکد' },
  { key: 'taxClass', label: 'طبقه مالیاتی' },
  { key: 'basePrice', label: 'قیمت پایه (ریال)' },
  { key: 'active', label: 'فعال' },
] as const;

export type StaticFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const STATIC_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [StaticFieldKey, ...StaticFieldKey[]];
/** A mapped field: a fixed one, or a price list / warehouse column. */
export type ImportFieldKey = StaticFieldKey | `price:${string}` | `stock:${string}`;
export const DYNAMIC_FIELD = /^(price|stock):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MATCH_FIELDS = ['code', 'barcode'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

// «انبار مرکزی» is not «انبار انبار مرکزی»: the word is added only when the name lacks it.
const named = (word: string, name: string) => (name.trim().startsWith(word) ? name.trim() : `${word} ${name.trim()}`);
export const priceFieldLabel = (listName: string) => `قیمت در ${named('لیست', listName)}`;
export const stockFieldLabel = (warehouseName: string) => `موجودی اول دوره در ${named('انبار', warehouseName)}`;

const LABELS: Record<string, string> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label]));
LABELS.kind = 'نوع';
LABELS.category = 'گروه کالا';
LABELS.basePrice = 'قیمت پایه';
/** The Persian name of a fixed field for messages. */
export const fieldLabelFa = (key: string) => LABELS[key] ?? key;

const SYNONYMS: FieldSynonyms[] = [
  { key: 'code', synonyms: ['کد کالا', 'کد', 'کد محصول', 'شماره کالا', 'product code', 'sku', 'item code', 'code'] },
  { key: 'name', synonyms: ['نام کالا', 'نام', 'نام محصول', 'شرح کالا', 'عنوان', 'product name', 'name', 'item name', 'title'] },
  { key: 'description', synonyms: ['توضیحات', 'شرح', 'توضیح', 'description', 'notes'] },
  { key: 'kind', synonyms: ['نوع', 'نوع کالا', 'کالا/خدمت', 'کالا یا خدمت', 'kind', 'type'] },
  { key: 'category', synonyms: ['گروه کالا', 'گروه', 'دسته', 'دسته بندی', 'category', 'group'] },
  { key: 'brand', synonyms: ['برند', 'نام تجاری', 'مارک', 'brand'] },
  { key: 'unit', synonyms: ['واحد', 'واحد اصلی', 'واحد سنجش', 'unit', 'uom'] },
  { key: 'secondUnit', synonyms: ['واحد دوم', 'واحد فرعی', 'واحد ۲', 'second unit', 'unit 2'] },
  { key: 'barcode', synonyms: ['بارکد', 'barcode', 'ean', 'gtin'] },
  { key: 'taxClass', synonyms: ['طبقه مالیاتی', 'مالیات', 'نوع مالیات', 'tax class', 'vat class', 'tax'] },
  { key: 'basePrice', synonyms: ['قیمت پایه', 'قیمت', 'قیمت فروش', 'فی', 'price', 'base price', 'unit price'] },
  { key: 'active', synonyms: ['فعال', 'وضعیت', 'active', 'status'] },
];

export type DynamicField = { key: string; label: string };

/** Column index → field key, only for the columns we could guess (also price list and warehouse columns by name). */
export function suggestImportMapping(headers: readonly string[], dynamic: readonly DynamicField[]): Record<string, string> {
  const extra: FieldSynonyms[] = dynamic.map((d) => {
    const name = d.label.replace(/^(قیمت در (لیست قیمت|لیست)|موجودی اول دوره در انبار)\s*/, '');
    const synonyms = d.key.startsWith('price:')
      ? [d.label, `قیمت ${name}`, `قیمت لیست ${name}`, `قیمت در لیست ${name}`, name]
      : [d.label, `موجودی ${name}`, `موجودی انبار ${name}`, `موجودی اول دوره ${name}`, `موجودی اول دوره انبار ${name}`, `موجودی اول دوره در انبار ${name}`, `انبار ${name}`];
    return { key: d.key, synonyms };
  });
  // Price list and warehouse columns first: «قیمت عمده» must not be taken as the base price.
  const suggested = suggestMapping(headers, [...extra, ...SYNONYMS]);
  const out: Record<string, string> = {};
  for (const [column, field] of Object.entries(suggested)) if (field) out[column] = field;
  return out;
}

export { headerMatchKey };
