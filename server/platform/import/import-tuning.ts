// The knobs every import pipeline has. Each import keeps its own values (and may add knobs of its own):
// tests shrink one import's batch, or crash inside one of its batches, without touching the other's.

export type ImportTuning<Hooks extends object = object> = {
  /** Rows per transaction of the job (and per lookup round of the validation pass). */
  batchSize: number;
  hooks: {
    /** Called before each row of the job is written; throwing aborts (rolls back) the whole batch. */
    beforeRow?: (rowNumber: number) => void;
  } & Hooks;
};
