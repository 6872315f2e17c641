// Knobs of the import pipeline. Tests shrink the batch and use the hook to crash inside a batch.
/** Big enough that per-batch costs (transaction, lookups, progress) vanish; small enough to keep a batch's rows cheap in memory. */
export const DEFAULT_BATCH_SIZE = 2000;
export const importTuning: {
  /** Rows per transaction of the job (and per lookup round of the validation pass). */
  batchSize: number;
  hooks: {
    /** Called before each row of the job is written; throwing aborts (rolls back) the whole batch. */
    beforeRow?: (rowNumber: number) => void;
  };
} = { batchSize: DEFAULT_BATCH_SIZE, hooks: {} };
