// One read of the file, shared by the validation pass and the job: every row is screened in file order
// (so duplicates inside the file are judged the same way each time), and the rows from `startAt` on are
// handed out in batches. A resumed job screens the rows it already wrote again, without writing them.
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { customerImports } from '../customer-imports.table.js';
import { screenRow, type PassSettings, type Screened } from './batch-planner.js';
import type { ImportFieldKey, MatchField } from './import-fields.js';
import { rowsOf } from './import-file.js';
import { loadImportRefs } from './import-refs.js';
import type { Kind } from './row-mapper.js';
import type { ImportFile } from '../../../platform/import/readers/index.js';

type ImportRecord = typeof customerImports.$inferSelect;

/** Not a column: stored in the mapping object under a key that can never be a column index. */
export const DEFAULT_KIND_KEY = 'defaultKind';

export function columnsOf(mapping: Record<string, string>): [number, ImportFieldKey][] {
  return Object.entries(mapping)
    .filter(([col, field]) => /^\d+$/.test(col) && field !== '')
    .map(([col, field]) => [Number(col), field as ImportFieldKey]);
}

export async function passSettings(ctx: Ctx, imp: Pick<ImportRecord, 'mapping' | 'policy' | 'matchFields' | 'ownerId' | 'format'>): Promise<PassSettings> {
  const columns = columnsOf(imp.mapping);
  const fields = new Set(columns.map(([, f]) => f));
  const refs = await inTenant(ctx.db, ctx, (tx) =>
    loadImportRefs(tx, ctx.tenantId, { geo: fields.has('province') || fields.has('city'), source: fields.has('source') }),
  );
  const defaultKind = imp.mapping[DEFAULT_KIND_KEY] as Kind | undefined;
  return {
    policy: imp.policy,
    matchFields: imp.matchFields as MatchField[],
    ownerId: imp.ownerId ?? undefined,
    row: { columns, defaultKind, lenient: imp.format === 'vcf', refs },
  };
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

/**
 * The same batches, one read ahead: the next batch is read and screened (CPU in this process) while the
 * caller's transaction for the current one waits on the database (CPU in PostgreSQL), so on PostgreSQL
 * the two overlap. On PGlite the database runs on this thread, so it only changes the order.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      // Handled when awaited above; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    // Stopped early (an error in the caller's batch): wait for the read in flight, then close the source.
    await next.catch(() => undefined);
    await it.return?.(undefined);
  }
}
