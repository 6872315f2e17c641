// One read of the file, shared by the validation pass and the job: every row is screened in file order
// (so duplicates inside the file are judged the same way each time), and the rows from `startAt` on are
// handed out in batches. A resumed job screens the rows it already wrote again, without writing them.
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import type { ImportFile } from '../../../platform/import/readers/index.js';
import type { productImports } from '../product-imports.table.js';
import { screenRow, type PassSettings, type Screened } from './batch-planner.js';
import type { ImportFieldKey, MatchField } from './import-fields.js';
import { rowsOf } from './import-file.js';
import { loadImportRefs } from './import-refs.js';

type ImportRecord = typeof productImports.$inferSelect;

export function columnsOf(mapping: Record<string, string>): [number, ImportFieldKey][] {
  return Object.entries(mapping)
    .filter(([col, field]) => /^\d+$/.test(col) && field !== '')
    .map(([col, field]) => [Number(col), field as ImportFieldKey]);
}

export async function passSettings(ctx: Ctx, imp: Pick<ImportRecord, 'mapping' | 'policy' | 'matchFields'>): Promise<PassSettings> {
  const refs = await inTenant(ctx.db, ctx, (tx) => loadImportRefs(tx, ctx.tenantId));
  return { policy: imp.policy, matchFields: imp.matchFields as MatchField[], row: { columns: columnsOf(imp.mapping), refs } };
}

export type ScreenedBatch = { first: number; rows: Screened[] };

/** Batches of screened rows; `first` is the index (0-based, data rows only) of the batch's first row. */
export async function* screenedBatches(file: ImportFile, s: PassSettings, startAt: number, size: number): AsyncGenerator<ScreenedBatch> {
  const seen = new Map<string, number>();
  let index = 0;
  let batch: Screened[] = [];
  for await (const row of rowsOf(file)) {
    const screened = screenRow(row, s, seen);
    if (index >= startAt) batch.push(screened);
    index++;
    if (batch.length >= size) {
      yield { first: index - batch.length, rows: batch };
      batch = [];
    }
  }
  if (batch.length) yield { first: index - batch.length, rows: batch };
}
