// Knobs of the import pipeline. Tests shrink the batch and use the hook to crash inside a batch.
export const importTuning: {
  /** Rows per transaction of the job (and per lookup round of the validation pass). */
  batchSize: number;
  hooks: {
    /** Called before each row of the job is written; throwing aborts (rolls back) the whole batch. */
    beforeRow?: (rowNumber: number) => void;
  };
} = { batchSize: 500, hooks: {} };
