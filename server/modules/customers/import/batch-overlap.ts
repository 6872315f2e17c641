// When the job may write a batch while the batch before it is still in flight (PostgreSQL, two
// connections), and how it then numbers its new customers. Both batches commit in file order, each with
// its progress, so a crash still leaves whole batches only.
//
// Why overlapping a creating batch cannot change its result: a row of this batch that shares an
// identifying value (national ID, legal ID, economic code, customer code, the chosen match fields) with a
// row of the batch before was already rejected as a repeat inside the file while screening, so the
// uncommitted rows of the batch before can neither match it nor block on its unique values. Updates
// (overwrite/merge) read customers the batch before may be changing, so those batches wait instead.
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { codesInTransaction, type CodeNumbering } from '../customers.bulk.js';
import type { PassSettings, RowPlan } from './batch-planner.js';

export type CodeTurn = { numbering: CodeNumbering; release: () => void };

/**
 * Customer codes for overlapping batches, in file order: each batch reserves its numbers in a short
 * transaction of its own (the in-transaction way would hold the sequence's row lock until its commit,
 * and the other batch would wait for it), but only after the batch before has reserved or given up its
 * turn. A batch that rolls back leaves a gap in the codes, as a deleted customer does.
 */
export function codeTurns(ctx: Ctx): () => CodeTurn {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const prior = last;
    let release!: () => void;
    last = new Promise<void>((resolve) => (release = resolve));
    return {
      release,
      numbering: async (largestGiven, missing) => {
        await prior;
        try {
          return await inTenant(ctx.db, ctx, (tx) => codesInTransaction(tx, ctx)(largestGiven, missing));
        } finally {
          release();
        }
      },
    };
  };
}

/** Updating policies plan against customers that the batch before may still be changing: they wait for it. */
export const mustWaitBeforePlanning = (s: PassSettings) => s.policy !== 'skip';

/** Creations, skips and rejections only: safe to write while the batch before is in flight (see above). */
export const canOverlap = (plans: RowPlan[]) => plans.every((p) => p.outcome === 'created' || p.outcome === 'skipped' || p.outcome === 'rejected');
