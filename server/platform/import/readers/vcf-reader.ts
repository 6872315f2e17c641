// VCF (contacts exported from a phone or a mail program) → ImportTable with fixed headers, one row per
// card. The headers are our own field names so the mapping screen can pre-select them.
import { isValidMobile } from '../../../../common/validators/mobile.js';
import { detectTextEncoding, decodeBytes } from './decode-text.js';
import { importErrors } from './errors.js';
import { DEFAULT_MAX_ROWS, type ImportRow, type ImportTable, type ReadLimits, type TextEncoding } from './types.js';
import { vcfProperties, type VcfProperty } from './vcf-lines.js';
import {
  emailText,
  normalizeBirthDate,
  phoneText,
  propertyText,
  splitCompound,
  tidy,
  unescapeText,
  type DecodeContext,
} from './vcf-values.js';

export const VCF_HEADERS = [
  'fullName',
  'firstName',
  'lastName',
  'organization',
  'title',
  'mobile',
  'phone',
  'fax',
  'email',
  'address',
  'city',
  'province',
  'postalCode',
  'country',
  'birthDate',
  'note',
  'url',
] as const;

export type VcfField = (typeof VCF_HEADERS)[number];
export type VcfTable = ImportTable & { rows: ImportRow[]; encoding: TextEncoding | null };

// Phone type names meaning "mobile" across exporters (iOS also writes type=IPHONE).
const MOBILE_TYPES = ['cell', 'mobile', 'iphone'];

type CardProperty = VcfProperty & { text: string };

/**
 * Pass the raw bytes when you have them: each value is then decoded with its own CHARSET (vCard 2.1
 * allows a different one per line). A string is taken as already decoded. Throws ImportFileError when
 * there is no card at all or more cards than `maxRows`; damaged cards are read as far as possible.
 */
export function readVcf(input: string | Uint8Array, opts: Pick<ReadLimits, 'maxRows'> = {}): VcfTable {
  let text: string;
  let ctx: DecodeContext;
  let encoding: TextEncoding | null = null;
  if (typeof input === 'string') {
    text = input.replace(/^\uFEFF/, '');
    ctx = { byteMode: false, defaultCharset: 'utf-8' };
  } else {
    const detected = detectTextEncoding(input);
    encoding = detected.encoding;
    const body = input.subarray(detected.bomLength);
    const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
    // latin1 maps each byte to one character, so the structure can be parsed and each value's bytes recovered.
    text = utf16 ? decodeBytes(body, encoding) : Buffer.from(body).toString('latin1');
    ctx = { byteMode: !utf16, defaultCharset: encoding };
  }

  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const rows: ImportRow[] = [];
  let cards = 0;
  let depth = 0;
  let current: CardProperty[] = [];
  const finish = () => {
    const values = cardValues(current);
    if (values.some((v) => v !== '')) {
      if (rows.length >= maxRows) throw importErrors.tooManyRows(maxRows);
      rows.push({ rowNumber: cards, values });
    }
    current = [];
  };

  let previous = ''; // the last property name of the current (outer) card
  for (const prop of vcfProperties(text)) {
    const isCard = prop.raw.trim().toUpperCase() === 'VCARD';
    if (prop.name === 'BEGIN' && isCard) {
      if (depth === 0) {
        depth = 1;
        cards++;
      } else if (depth === 1 && previous !== 'AGENT') {
        // The previous card has no END:VCARD (two exports pasted together): close it, start this one.
        finish();
        cards++;
      } else depth++; // a 2.1 AGENT's embedded card belongs to the outer card and is skipped
    } else if (prop.name === 'END' && isCard) {
      if (depth > 0 && --depth === 0) finish();
    } else if (depth === 1) {
      const decoded = propertyText(prop, ctx);
      if (decoded !== null) current.push({ ...prop, text: decoded });
    }
    if (depth === 1) previous = prop.name;
  }
  if (depth > 0) finish(); // the last END:VCARD is missing (a cut-off file)
  if (cards === 0) throw importErrors.malformed('VCF', 'هیچ مخاطبی (BEGIN:VCARD) در فایل پیدا نشد');
  return { headers: [...VCF_HEADERS], rows, encoding };
}

function cardValues(props: readonly CardProperty[]): string[] {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => props.find((p) => p.name === name);
  const preferred = (name: string) => props.find((p) => p.name === name && p.params.pref) ?? first(name);
  const plain = (p: CardProperty | undefined) => (p ? tidy(unescapeText(p.text)) : '');

  const n = splitCompound(first('N')?.text ?? '');
  const [lastName = '', firstName = ''] = n;
  const fullName =
    plain(first('FN')) || [firstName, lastName].filter(Boolean).join(' ') || plain(first('NICKNAME'));

  const adrProp = preferred('ADR');
  const adr = adrProp ? splitCompound(adrProp.text) : [];
  const [poBox = '', extended = '', street = '', city = '', province = '', postalCode = '', country = ''] = adr;
  const address = [street, extended, poBox].filter(Boolean).join(', ') || plain(preferred('LABEL'));

  const phones = classifyPhones(props);
  const birthDates = all('BDAY').map((p) => normalizeBirthDate(unescapeText(p.text)));

  const values: Record<VcfField, string> = {
    fullName,
    firstName,
    lastName,
    organization: splitCompound(first('ORG')?.text ?? '')[0] ?? '',
    title: plain(first('TITLE')),
    mobile: phones.mobile,
    phone: phones.phone,
    fax: phones.fax,
    email: emailText(plain(preferred('EMAIL'))),
    address,
    city,
    province,
    postalCode,
    country,
    // fullcontact-style exports repeat BDAY (ALTID); the first real date wins.
    birthDate: birthDates.find((d) => /^(\d{4}|-)-\d{2}-\d{2}$/.test(d)) ?? birthDates[0] ?? '',
    note: all('NOTE').map(plain).filter(Boolean).join('\n'),
    url: plain(preferred('URL')),
  };
  return VCF_HEADERS.map((h) => values[h]);
}

/**
 * The first mobile-typed number is the mobile; other numbers go to phone and fax numbers to fax, each
 * list joined with ' / ' so none is lost. Iranian contacts are often saved with no type at all, so when
 * no number is typed as mobile, the first one that IS an Iranian mobile number (09…) is used.
 */
function classifyPhones(props: readonly CardProperty[]): { mobile: string; phone: string; fax: string } {
  const labels = new Map<string, string>();
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group) labels.set(p.group, p.text.toLowerCase());

  const tels = props
    .filter((p) => p.name === 'TEL')
    .map((p) => {
      const types = new Set(p.params.types);
      // Apple/Google custom labels: item2.TEL + item2.X-ABLabel:_$!<Mobile>!$_
      const label = p.group ? (labels.get(p.group) ?? '') : '';
      if (/mobile|cell|موبایل|همراه/.test(label)) types.add('cell');
      if (/fax|فکس|نمابر/.test(label)) types.add('fax');
      return { number: phoneText(p.text), types };
    })
    .filter((t) => t.number !== '');

  const isFax = (t: (typeof tels)[number]) => t.types.has('fax');
  let mobileAt = tels.findIndex((t) => !isFax(t) && MOBILE_TYPES.some((m) => t.types.has(m)));
  if (mobileAt < 0) mobileAt = tels.findIndex((t) => !isFax(t) && isValidMobile(t.number));
  const mobile = tels[mobileAt]?.number ?? '';

  const join = (numbers: string[]) => [...new Set(numbers)].join(' / ');
  return {
    mobile,
    // The mobile repeated as a work/home number is noise; a fax with the same digits is still a fax.
    phone: join(tels.filter((t, i) => i !== mobileAt && !isFax(t) && t.number !== mobile).map((t) => t.number)),
    fax: join(tels.filter(isFax).map((t) => t.number)),
  };
}
