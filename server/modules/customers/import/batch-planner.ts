// Decides what happens to each row of a batch: rejected, created, skipped, overwritten or merged.
// Duplicates inside the file are caught while screening (no database); existing customers are found
// with one query per identifying field for the whole batch (customers.lookup.ts), never per row.
import { sql } from 'drizzle-orm';
import { missingName, type CustomerCreate, type CustomerPatch } from '../../../../common/contracts/customers.contract.js';
import { toPersianDigits } from '../../../../common/text.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { ownerScopeCondition } from '../../access/index.js';
import type { AddressInput } from '../customer-children.js';
import { draftCustomer, type CustomerDraft } from '../customers.bulk.js';
import { customersWithValues } from '../customers.lookup.js';
import { customers } from '../customers.table.js';
import { columnValues, UNIQUE_IDS } from '../domain/customer-values.js';
import { fieldLabelFa, type MatchField } from './import-fields.js';
import { prepareRow, type PreparedRow, type RowSettings } from './row-mapper.js';

export type CustomerRow = typeof customers.$inferSelect;
export type ImportPolicy = 'skip' | 'overwrite' | 'merge';
export type PassSettings = {
  policy: ImportPolicy;
  matchFields: MatchField[];
  /** Owner of created customers; undefined = the usual default (the importer when they cannot assign). */
  ownerId: string | null | undefined;
  row: RowSettings;
};

type Base = { rowNumber: number; values: string[] };
export type Screened = Base & { prepared: PreparedRow; draft?: CustomerDraft };
export type RowPlan = Base &
  (
    | { outcome: 'rejected'; reasons: string[] }
    | { outcome: 'created'; input: CustomerCreate; draft?: CustomerDraft }
    | { outcome: 'skipped'; customerId: string }
    | { outcome: 'overwritten' | 'merged'; existing: CustomerRow; patch: CustomerPatch; address: { mode: 'replace' | 'add'; value: AddressInput | null } | null }
  );

const UNIQUE_FIELDS = UNIQUE_IDS.map((u) => u.field) as string[];
const fa = (n: number | string) => toPersianDigits(n);
/** The identifying fields of a pass (match fields and the unique identifiers); once per settings, not per row. */
const keyFieldsOf = new WeakMap<PassSettings, string[]>();
function keyFields(s: PassSettings): string[] {
  let fields = keyFieldsOf.get(s);
  if (!fields) keyFieldsOf.set(s, (fields = [...new Set<string>([...s.matchFields, ...UNIQUE_FIELDS])]));
  return fields;
}
const valueOf = (p: CustomerPatch, field: string) => {
  const v = (p as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? (field === 'email' ? v.toLowerCase() : v) : null;
};

/**
 * Maps and validates one row and catches a repeat of an earlier row's identifier (`seen`: field+value →
 * row number). Run for EVERY row in file order, also the rows a resumed job skips, so `seen` is the same.
 */
export function screenRow(row: Base, s: PassSettings, seen: Map<string, number>): Screened {
  const prepared = prepareRow(row.values, s.row);
  if (!prepared.ok) return { ...row, prepared };
  const repeats: string[] = [];
  const keys: string[] = [];
  for (const f of keyFields(s)) {
    const v = valueOf(prepared.patch, f);
    if (v === null) continue;
    const key = `${f}\u0000${v}`;
    const first = seen.get(key);
    if (first !== undefined) repeats.push(`تکراری با ردیف ${fa(first)} همین فایل: ${fieldLabelFa(f)} یکسان است`);
    keys.push(key);
  }
  if (repeats.length) return { ...row, prepared: { ok: false, reasons: repeats } };
  for (const k of keys) seen.set(k, row.rowNumber);
  return { ...row, prepared };
}

type Found = CustomerRow & { inScope: boolean };

/** Existing customers sharing any identifying value with the batch: one query per field that has values. */
async function lookup(tx: Tx, ctx: Ctx, s: PassSettings, batch: Screened[]) {
  const scope = await ownerScopeCondition(tx, ctx, 'customers.import', customers.ownerId);
  const inScope = scope ? sql<boolean>`coalesce((${scope}), false)` : sql<boolean>`true`;
  const byId = new Map<string, Found>();
  const index = new Map<string, Map<string, string[]>>();
  const wanted: [MatchField, string[]][] = [];
  for (const f of keyFields(s)) {
    index.set(f, new Map());
    const values = new Set<string>();
    for (const r of batch) {
      const v = r.prepared.ok ? valueOf(r.prepared.patch, f) : null;
      if (v !== null) values.add(v);
    }
    if (values.size) wanted.push([f as MatchField, [...values]]);
  }
  // Email is stored lower-cased (columnValues) and valueOf lower-cases it, so equal values match.
  const found: Found[] = [];
  for (const [f, values] of wanted) found.push(...(await customersWithValues(tx, ctx.tenantId, f, values, inScope)));
  for (const r of found) {
    if (byId.has(r.id)) continue;
    byId.set(r.id, r);
    for (const [f] of wanted) {
      const v = r[f] as string | null;
      if (v === null) continue;
      const byValue = index.get(f)!;
      byValue.set(v, [...(byValue.get(v) ?? []), r.id]);
    }
  }
  return { byId, index };
}

/**
 * What a row creates when no customer matches it. The patch and the address were parsed by
 * customerPatch/addressInput (prepareRow); what customerCreate adds is the name rule (missingName), so the
 * row is not parsed again: that cost more than reading the file.
 */
export function creationInput(p: Extract<PreparedRow, { ok: true }>, s: PassSettings): CustomerCreate {
  return { ...p.patch, kind: p.kind, ...(p.address ? { addresses: [p.address] } : {}), ...(s.ownerId !== undefined ? { ownerId: s.ownerId } : {}) } as CustomerCreate;
}

/**
 * The job's rows drafted as new customers ahead of their transaction (customers.bulk.ts): most rows of an
 * import create a customer, and this work then overlaps with the database writing the previous batch.
 * A row that turns out to match a customer simply does not use its draft.
 */
export function withDrafts(ctx: Ctx, s: PassSettings, rows: Screened[]): Screened[] {
  for (const r of rows) {
    if (!r.prepared.ok) continue;
    const input = creationInput(r.prepared, s);
    if (!missingName(input)) r.draft = draftCustomer(ctx, input);
  }
  return rows;
}

const NONE: string[] = [];
const nameOf = (c: CustomerRow) => `«${c.displayName}» (کد ${fa(c.code)})`;

export async function planBatch(tx: Tx, ctx: Ctx, s: PassSettings, batch: Screened[]): Promise<RowPlan[]> {
  const { byId, index } = await lookup(tx, ctx, s, batch);
  return batch.map((r): RowPlan => {
    const base = { rowNumber: r.rowNumber, values: r.values };
    const reject = (...reasons: string[]): RowPlan => ({ ...base, outcome: 'rejected', reasons });
    let p = r.prepared;
    if (!p.ok) return reject(...p.reasons);
    const ids = (f: string, v: string | null) => (v === null ? NONE : (index.get(f)?.get(v) ?? NONE));
    const patch0 = p.patch;
    const matchIds: string[] = [];
    for (const f of s.matchFields) for (const id of ids(f, valueOf(patch0, f))) if (!matchIds.includes(id)) matchIds.push(id);
    if (matchIds.length > 1) return reject(`این ردیف با بیش از یک مشتری موجود مطابقت دارد: ${matchIds.map((id) => nameOf(byId.get(id)!)).join(' و ')}`);
    const existing = matchIds[0] ? byId.get(matchIds[0]) : undefined;
    if (existing && !existing.inScope) return reject('مشتری موجودِ منطبق با این ردیف در محدوده دسترسی شما نیست');
    if (existing && s.policy === 'skip') return { ...base, outcome: 'skipped', customerId: existing.id };
    for (const u of UNIQUE_IDS) {
      const other = ids(u.field, valueOf(p.patch, u.field)).find((id) => id !== existing?.id);
      if (other) return reject(`این ${u.label} برای مشتری ${nameOf(byId.get(other)!)} ثبت شده است`);
    }
    if (!existing) {
      const input = r.draft?.input ?? creationInput(p, s);
      const missing = missingName(input);
      return missing ? reject(missing.message) : { ...base, outcome: 'created', input, ...(r.draft ? { draft: r.draft } : {}) };
    }
    // A full name is split by the EXISTING customer's kind unless the file says otherwise.
    if (!p.kindGiven && p.kind !== existing.kind) {
      const again = prepareRow(r.values, s.row, existing.kind);
      if (!again.ok) return reject(...again.reasons);
      p = again;
    }
    const patch: Record<string, unknown> = { ...p.patch };
    if (s.policy === 'overwrite') for (const c of p.cleared) patch[c] = c === 'tags' ? [] : null;
    const merged = { ...existing, ...columnValues(patch as CustomerPatch) };
    if (merged.kind === 'natural' && !merged.lastName) return reject('نام خانوادگی الزامی است');
    if (merged.kind === 'legal' && !merged.companyName) return reject('نام سازمان الزامی است');
    const address = !p.addressMapped ? null : s.policy === 'overwrite' ? { mode: 'replace' as const, value: p.address } : p.address ? { mode: 'add' as const, value: p.address } : null;
    const { inScope: _, ...row } = existing;
    return { ...base, outcome: s.policy === 'overwrite' ? 'overwritten' : 'merged', existing: row, patch: patch as CustomerPatch, address };
  });
}
