// The passes over an upload's rows, shared by the validation pass and the job: settings, screening in file
// order, read-ahead (batches: platform/import/batches.ts). Where the rows come from (parsed-rows cache, the
// validation pass's kept screening) is decided by the callers.
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { columnsOf } from '../../../platform/import/mapped-columns.js';
import { customerImports } from '../customer-imports.table.js';
import { screenRow, type PassSettings, type Screened } from './batch-planner.js';
import type { ImportFieldKey, MatchField } from './import-fields.js';
import { loadImportRefs } from './import-refs.js';
import type { Kind } from './row-mapper.js';
import type { ImportRow } from '../../../platform/import/readers/index.js';

type ImportRecord = typeof customerImports.$inferSelect;

/** Not a column: stored in the mapping object under a key that can never be a column index. */
export const DEFAULT_KIND_KEY = 'defaultKind';

export async function passSettings(ctx: Ctx, imp: Pick<ImportRecord, 'mapping' | 'policy' | 'matchFields' | 'ownerId' | 'format'>): Promise<PassSettings> {
  const columns = columnsOf<ImportFieldKey>(imp.mapping);
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

/**
 * Every row screened in file order. ALL rows go through `screenRow`, also those a resumed job will not
 * write again, so duplicates inside the file are judged the same way each time.
 */
export async function* screenRows(rows: AsyncIterable<ImportRow>, s: PassSettings): AsyncGenerator<Screened> {
  const seen = new Map<string, number>();
  for await (const row of rows) yield screenRow(row, s, seen);
}

/**
 * Items one read ahead: the next batch is read and screened (CPU in this process) while the caller's
 * transaction for the current one waits on the database (CPU in PostgreSQL), so on PostgreSQL the two
 * overlap. On PGlite the database runs on this thread, so it only changes the order. (The validation
 * pass; the job uses `prefetching`, whose read-ahead it starts itself.)
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

export type Prefetching<T> = AsyncIterableIterator<T> & {
  /** Starts reading the next item now, if it is not already on its way. */
  prefetch(): void;
};

/**
 * Items one at a time, with the next one read early only when the caller says so (`prefetch`). For the
 * job: preparing the next batch is CPU on this thread, and doing it while the current transaction still
 * needs this thread for its lookups and checks would only delay them (measured: slower than no read-ahead);
 * the job prefetches when only the inserts are left, so the work overlaps with PostgreSQL writing them.
 */
export function prefetching<T>(source: AsyncIterable<T>): Prefetching<T> {
  const it = source[Symbol.asyncIterator]();
  let ahead: Promise<IteratorResult<T>> | null = null;
  const self: Prefetching<T> = {
    prefetch() {
      if (ahead) return;
      ahead = it.next();
      // Handled when next() hands it over; until then a failure must not count as unhandled.
      ahead.catch(() => undefined);
    },
    next() {
      const r = ahead ?? it.next();
      ahead = null;
      return r;
    },
    async return() {
      // Stopped early: wait for a read in flight, then close the source.
      await ahead?.catch(() => undefined);
      ahead = null;
      return (await it.return?.(undefined)) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return self;
    },
  };
  return self;
}
