// One pass over the upload's rows, shared by the validation pass and the job: every row is screened in file
// order (so duplicates inside the file are judged the same way each time), and the rows from `startAt` on
// are handed out in batches. A resumed job screens the rows it already wrote again, without writing them.
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { dropFirst, inBatches } from '../../../platform/import/batches.js';
import { columnsOf } from '../../../platform/import/mapped-columns.js';
import type { ImportRow } from '../../../platform/import/readers/index.js';
import type { productImports } from '../product-imports.table.js';
import { screenRow, type PassSettings, type Screened } from './batch-planner.js';
import type { ImportFieldKey, MatchField } from './import-fields.js';
import { loadImportRefs } from './import-refs.js';

type ImportRecord = typeof productImports.$inferSelect;

export async function passSettings(ctx: Ctx, imp: Pick<ImportRecord, 'mapping' | 'policy' | 'matchFields'>): Promise<PassSettings> {
  const refs = await inTenant(ctx.db, ctx, (tx) => loadImportRefs(tx, ctx.tenantId));
  return { policy: imp.policy, matchFields: imp.matchFields as MatchField[], row: { columns: columnsOf<ImportFieldKey>(imp.mapping), refs } };
}

export type ScreenedBatch = { first: number; rows: Screened[] };

async function* screenRows(rows: AsyncIterable<ImportRow>, s: PassSettings): AsyncGenerator<Screened> {
  const seen = new Map<string, number>();
  for await (const row of rows) yield screenRow(row, s, seen);
}

/** Batches of screened rows; `first` is the index (0-based, data rows only) of the batch's first row. */
export function screenedBatches(rows: AsyncIterable<ImportRow>, s: PassSettings, startAt: number, size: number): AsyncGenerator<ScreenedBatch> {
  return inBatches(dropFirst(screenRows(rows, s), startAt), startAt, size);
}
