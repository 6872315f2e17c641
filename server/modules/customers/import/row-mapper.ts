// One file row → the customer payload the form would send, checked with the SAME contract schemas
// (customerPatch for the fields, addressInput for the address). Pure: no database, so the validation
// pass and the job decide every row the same way.
import { addressInput, customerFields, customerPatch, type CustomerPatch } from '../../../../common/contracts/customers.contract.js';
import type { z } from 'zod';
import { labelMessage } from '../../../../common/zod-persian.js';
import { normalizePersian, searchNormalize } from '../../../../common/text.js';
import type { AddressInput } from '../customer-children.js';
import { fieldLabelFa, type ImportFieldKey } from './import-fields.js';
import type { ImportRefs } from './import-refs.js';

export type Kind = 'natural' | 'legal';
export type RowSettings = {
  columns: [number, ImportFieldKey][];
  defaultKind: Kind | undefined;
  /** vCards from phones carry numbers in any country's format: park what does not validate in notes. */
  lenient: boolean;
  refs: ImportRefs;
};

export type PreparedRow =
  | { ok: false; reasons: string[] }
  | {
      ok: true;
      kind: Kind;
      kindGiven: boolean;
      /** Parsed, normalized, only the non-empty fields. */
      patch: CustomerPatch;
      /** Customer columns whose mapped cell is empty (overwrite sets them to null). */
      cleared: string[];
      address: AddressInput | null;
      addressMapped: boolean;
    };

const SIMPLE = ['code', 'firstName', 'lastName', 'companyName', 'nationalId', 'legalId', 'economicCode', 'registrationNo', 'mobile', 'phone', 'email', 'website', 'birthDate', 'weddingDate', 'grade'] as const;
const NEVER_CLEARED = new Set(['kind', 'code']);
const LENIENT_FIELDS = ['mobile', 'phone', 'email', 'birthDate', 'website'] as const;
const NOTES_MAX = 4000;

/**
 * customerPatch limited to the fields this row fills in: otherwise zod runs every field schema of the
 * contract on every row, mapped or not, which was most of the validation pass's zod time. The same field
 * schemas, so the same values and the same messages. One schema per set of fields (a file has a few).
 */
const patchSchemas = new Map<string, z.ZodType<CustomerPatch>>();
function patchSchemaFor(input: Record<string, unknown>): z.ZodType<CustomerPatch> {
  const keys = Object.keys(input).sort();
  const id = keys.join(',');
  let schema = patchSchemas.get(id);
  if (!schema) {
    schema = customerPatch.pick(Object.fromEntries(keys.map((k) => [k, true])) as Record<keyof CustomerPatch, true>) as z.ZodType<CustomerPatch>;
    patchSchemas.set(id, schema);
  }
  return schema;
}

export function parseKind(value: string): Kind | null {
  const v = searchNormalize(value);
  if (/حقوقی|legal|company|شرکت|سازمان/.test(v)) return 'legal';
  if (/حقیقی|natural|person|individual|شخص/.test(v)) return 'natural';
  return null;
}

/** «محمد رضا احمدی» → first «محمد رضا», last «احمدی»; one word is the last name. */
export function splitFullName(full: string): { firstName?: string; lastName: string } {
  const words = normalizePersian(full).split(' ').filter(Boolean);
  const lastName = words.pop() ?? '';
  return words.length ? { firstName: words.join(' '), lastName } : { lastName };
}

const reason = (path: string, message: string) => {
  const label = fieldLabelFa(path);
  const text = labelMessage(message, label);
  return text.includes(label) ? text : `${label}: ${text}`;
};

export function prepareRow(values: readonly string[], s: RowSettings, forceKind?: Kind): PreparedRow {
  const raw: Partial<Record<ImportFieldKey, string>> = {};
  const reasons: string[] = [];
  for (const [col, field] of s.columns) {
    const v = (values[col] ?? '').trim();
    raw[field] = v;
    if (v.includes('\uFFFD')) reasons.push(`${fieldLabelFa(field)}: نویسه‌های ناخوانا دارد؛ فایل را با کدگذاری UTF-8 ذخیره کنید`);
  }
  const has = (k: ImportFieldKey) => Boolean(raw[k]);

  let kind: Kind;
  const kindGiven = has('kind');
  if (kindGiven) {
    const k = parseKind(raw.kind!);
    if (!k) reasons.push(`نوع مشتری «${raw.kind}» معتبر نیست؛ «حقیقی» یا «حقوقی» بنویسید`);
    kind = k ?? 'natural';
  } else if (forceKind) kind = forceKind;
  else if (has('companyName') || has('legalId')) kind = 'legal';
  else if (has('firstName') || has('lastName') || has('nationalId')) kind = 'natural';
  else kind = s.defaultKind ?? 'natural';

  const input: Record<string, unknown> = {};
  for (const f of SIMPLE) if (raw[f] !== undefined) input[f] = raw[f];
  if (raw.note !== undefined) input.notes = raw.note;
  const tags = raw.tags?.split(/[,،;؛]/).map((t) => t.trim()).filter(Boolean) ?? [];
  if (tags.length) input.tags = tags;
  if (has('fullName')) {
    if (kind === 'legal' && !has('companyName')) input.companyName = raw.fullName;
    if (kind === 'natural' && !has('firstName') && !has('lastName')) Object.assign(input, { firstName: '' }, splitFullName(raw.fullName!));
  }
  // Phone contacts are often saved under one name only; a customer needs a last name, so that is it.
  if (s.lenient && kind === 'natural' && !input.lastName && input.firstName) [input.lastName, input.firstName] = [input.firstName, undefined];
  if (kindGiven) input.kind = kind;
  if (has('source')) {
    const id = s.refs.source(raw.source!);
    if (id) input.sourceId = id;
    else reasons.push(`شیوه آشنایی «${raw.source}» در فهرست شیوه‌های آشنایی نیست؛ ابتدا آن را در تنظیمات اضافه کنید`);
  }
  if (s.lenient) parkInvalid(input);

  const parsed = patchSchemaFor(input).safeParse(input);
  if (!parsed.success) for (const i of parsed.error.issues) reasons.push(reason(String(i.path[0] ?? ''), i.message));

  const addressMapped = (['province', 'city', 'postalCode', 'address'] as const).some((k) => raw[k] !== undefined);
  let address: AddressInput | null = null;
  if (addressMapped && (has('province') || has('city') || has('postalCode') || has('address'))) {
    // vCards: a foreign city or postal code stays readable inside the address text instead of refusing the card.
    const unresolved: string[] = [];
    const place = resolvePlace(raw.province ?? '', raw.city ?? '', s.refs, s.lenient ? unresolved : reasons);
    let postalCode = raw.postalCode;
    if (s.lenient && postalCode && !addressInput.shape.postalCode.safeParse(postalCode).success) postalCode = undefined;
    const foreign = s.lenient && (unresolved.length || postalCode !== raw.postalCode) ? [raw.city, raw.province, raw.postalCode] : [];
    const text = [raw.address, ...foreign].filter(Boolean).join('، ') || [raw.province, raw.city].filter(Boolean).join('، ') || 'بدون نشانی';
    const a = addressInput.safeParse({ address: text, postalCode, ...place });
    if (a.success) address = a.data;
    else for (const i of a.error.issues) reasons.push(reason(String(i.path[0] ?? 'address'), i.message));
  }
  if (reasons.length || !parsed.success) return { ok: false, reasons };

  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as CustomerPatch;
  // A one-word full name leaves the first name empty: an overwrite clears it too.
  const cleared = [...clearedColumns(raw, kind), ...(input.firstName === '' ? ['firstName'] : [])].filter((c) => !(c in patch));
  return { ok: true, kind, kindGiven, patch, cleared, address, addressMapped };
}

function clearedColumns(raw: Partial<Record<ImportFieldKey, string>>, kind: Kind): string[] {
  const out: string[] = [];
  for (const [field, v] of Object.entries(raw)) {
    if (v !== '' || NEVER_CLEARED.has(field)) continue;
    if (field === 'note') out.push('notes');
    else if (field === 'source') out.push('sourceId');
    else if (field === 'fullName') out.push(...(kind === 'legal' ? ['companyName'] : ['firstName', 'lastName']));
    else if ((SIMPLE as readonly string[]).includes(field) || field === 'tags') out.push(field);
  }
  return out;
}

function resolvePlace(province: string, city: string, refs: ImportRefs, reasons: string[]) {
  let provinceId: number | null = null;
  if (province) {
    provinceId = refs.province(province);
    if (provinceId === null) reasons.push(`استان «${province}» شناخته نشد`);
  }
  if (!city) return { provinceId };
  const found = refs.city(city, provinceId);
  if (found === 'ambiguous') reasons.push(`شهر «${city}» در چند استان هست؛ ستون استان را هم نگاشت کنید`);
  else if (!found) reasons.push(`شهر «${city}»${province ? ` در استان «${province}»` : ''} شناخته نشد`);
  return found && found !== 'ambiguous' ? { provinceId: found.provinceId, cityId: found.id } : { provinceId };
}

/**
 * vCard leniency: phones are typed carelessly (a mobile saved as «home»), so the first valid mobile and the
 * first valid landline among all the card's numbers are kept; whatever does not validate goes to notes.
 */
function parkInvalid(input: Record<string, unknown>) {
  const parked: string[] = [];
  const numbers = (f: 'mobile' | 'phone') => (typeof input[f] === 'string' ? (input[f] as string).split(' / ').filter(Boolean).map((n) => ({ f, n })) : []);
  const all = [...numbers('mobile'), ...numbers('phone')];
  const used = new Set<number>();
  for (const f of ['mobile', 'phone'] as const) {
    if (input[f] === undefined && !all.length) continue;
    const at = all.findIndex((x, i) => !used.has(i) && customerFields.shape[f].safeParse(x.n).success);
    if (at >= 0) used.add(at);
    if (input[f] !== undefined || at >= 0) input[f] = at >= 0 ? all[at]!.n : undefined;
  }
  all.forEach((x, i) => !used.has(i) && parked.push(`${fieldLabelFa(x.f)}: ${x.n}`));
  for (const f of LENIENT_FIELDS) {
    const v = input[f];
    if (f === 'mobile' || f === 'phone' || typeof v !== 'string' || v === '') continue;
    if (customerFields.shape[f].safeParse(v).success) continue;
    input[f] = undefined;
    parked.push(`${fieldLabelFa(f)}: ${v}`);
  }
  const notes = [typeof input.notes === 'string' ? input.notes : '', ...parked].filter(Boolean).join('\n');
  if (!notes) return;
  input.notes = notes.length > NOTES_MAX ? `${notes.slice(0, NOTES_MAX - 1)}…` : notes;
}
