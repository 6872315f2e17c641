// Carries out a planned batch inside the caller's transaction: customers through the module's own
// insertCustomer/applyUpdate (same rules, same audit), one customer_import_rows record per row with the
// state before each change (for undo). The caller commits the batch together with its progress.
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/types.js';
import { insertJsonRows } from '../../../platform/db/json-insert.js';
import { AppError } from '../../../platform/http/app-error.js';
import { searchNormalize } from '../../../../common/text.js';
import { loadChildren, replaceAddresses, type AddressInput } from '../customer-children.js';
import { customerImportRows } from '../customer-imports.table.js';
import { applyUpdate, insertCustomer } from '../customers.service.js';
import { draftCustomer, prepareCustomersBulk, writeCustomersBulk, type CodeNumbering } from '../customers.bulk.js';
import type { CustomerRow, RowPlan } from './batch-planner.js';
import { importTuning } from './import-tuning.js';

export type Outcome = 'created' | 'overwritten' | 'merged' | 'skipped' | 'rejected';
export type Counters = Record<Outcome, number>;
export const zeroCounters = (): Counters => ({ created: 0, overwritten: 0, merged: 0, skipped: 0, rejected: 0 });

/** What undo needs to put a changed customer back. */
export type BeforeSnapshot = { customer: CustomerRow; addresses?: AddressInput[] };

type Record_ = typeof customerImportRows.$inferInsert;

export type WriteOptions = {
  /** Called when the rest of the batch is mostly waiting on the database (the job reads ahead then). */
  whileWriting?: () => void;
  /** How new customers get their codes (default: in this transaction; customers.bulk CodeNumbering). */
  numbering?: CodeNumbering;
  /**
   * Awaited before the first write that is not part of the bulk insert (a customer written one by one
   * takes the code sequence's row lock in this transaction): the job overlapping two batches makes it
   * wait for the previous batch's commit there.
   */
  beforeOneByOne?: () => Promise<unknown>;
};

export async function writeBatch(tx: Tx, ctx: Ctx, importId: string, batch: number, plans: RowPlan[], options: WriteOptions = {}): Promise<Counters> {
  const { whileWriting, numbering } = options;
  let { beforeOneByOne } = options;
  const counters = zeroCounters();
  // The tenant, the import and the batch are the same for every record: sent once (insertJsonRows `same`).
  const records: Omit<Record_, 'tenantId' | 'importId'>[] = [];
  // A customer changed twice in one batch: the second change starts from the first one's result.
  const current = new Map<string, CustomerRow>();
  const base = (p: RowPlan) => ({ rowNumber: p.rowNumber });
  // New customers go in together when they can (one insert for the batch); otherwise one by one below.
  const creations = plans.filter((p): p is Extract<RowPlan, { outcome: 'created' }> => p.outcome === 'created');
  const drafts = creations.map((p) => p.draft ?? draftCustomer(ctx, p.input));
  const bulk = creations.length > 1 ? await prepareCustomersBulk(tx, ctx, drafts, numbering) : null;
  // From here on the batch mostly waits for the database: the caller prepares the next one meanwhile.
  whileWriting?.();
  if (bulk) await writeCustomersBulk(tx, ctx, drafts, bulk);
  const created = new Map(bulk ? creations.map((p, i) => [p.rowNumber, bulk[i]!.id]) : []);
  for (const p of plans) {
    importTuning.hooks.beforeRow?.(p.rowNumber);
    const bulkId = created.get(p.rowNumber);
    if (bulkId) {
      records.push({ ...base(p), outcome: 'created', customerId: bulkId });
      counters.created++;
      continue;
    }
    if (beforeOneByOne && p.outcome !== 'rejected' && p.outcome !== 'skipped') {
      await beforeOneByOne();
      beforeOneByOne = undefined;
    }
    try {
      records.push({ ...base(p), ...(await writeRow(tx, ctx, p, current)) });
    } catch (err) {
      // Rules checked again at write time (e.g. an identifier taken since the batch was planned). They
      // throw before writing anything, so the row is simply rejected; any other error fails the batch.
      if (!(err instanceof AppError)) throw err;
      const reasons = err.opts.errors?.map((e) => e.message) ?? [err.message];
      records.push({ ...base(p), outcome: 'rejected', reasons, values: p.values });
    }
    counters[records.at(-1)!.outcome]++;
  }
  await insertJsonRows(tx, customerImportRows, records, { same: { tenantId: ctx.tenantId, importId, batch } });
  return counters;
}

type RowResult = Pick<Record_, 'outcome' | 'customerId' | 'reasons' | 'values' | 'before'>;

async function writeRow(tx: Tx, ctx: Ctx, p: RowPlan, current: Map<string, CustomerRow>): Promise<RowResult> {
  switch (p.outcome) {
    case 'rejected':
      return { outcome: 'rejected', reasons: p.reasons, values: p.values };
    case 'skipped':
      return { outcome: 'skipped', customerId: p.customerId };
    case 'created': {
      const row = await insertCustomer(tx, ctx, p.input);
      return { outcome: 'created', customerId: row.id };
    }
    default: {
      const before = current.get(p.existing.id) ?? p.existing;
      const snapshot: BeforeSnapshot = { customer: before };
      const after = await applyUpdate(tx, ctx, before, p.patch);
      current.set(after.id, after);
      if (p.address) snapshot.addresses = await changeAddresses(tx, ctx, after.id, p.address);
      return { outcome: p.outcome, customerId: after.id, before: snapshot };
    }
  }
}

const same = (a: string, b: string) => searchNormalize(a) === searchNormalize(b);

/** Overwrite: the file's address replaces the list (none when empty). Merge: added unless already there. */
async function changeAddresses(tx: Tx, ctx: Ctx, customerId: string, change: { mode: 'replace' | 'add'; value: AddressInput | null }) {
  const { addresses } = await loadChildren(tx, ctx.tenantId, customerId);
  const before: AddressInput[] = addresses.map((a) => ({
    title: a.title, provinceId: a.provinceId, cityId: a.cityId, postalCode: a.postalCode, address: a.address, phone: a.phone, isPrimary: a.isPrimary,
  }));
  const { value } = change;
  if (change.mode === 'add' && (!value || before.some((a) => same(a.address, value.address)))) return before;
  const next = change.mode === 'replace' ? (value ? [{ ...value, isPrimary: true }] : []) : [...before, { ...value!, isPrimary: before.length === 0 }];
  await replaceAddresses(tx, ctx, customerId, next);
  return before;
}
