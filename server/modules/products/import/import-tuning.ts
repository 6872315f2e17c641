// Knobs of the product import pipeline. Tests shrink the batch and use the hook to crash inside a batch.
export const DEFAULT_BATCH_SIZE = 1000;
/** Lines per opening-stock receipt: one receipt per warehouse, split only for very large files (both engines). */
export const DEFAULT_RECEIPT_LINES = 2000;
export const importTuning: {
  batchSize: number;
  /** null = DEFAULT_RECEIPT_LINES. */
  receiptLines: number | null;
  hooks: {
    /** Called before each row of the job is written; throwing aborts (rolls back) the whole batch. */
    beforeRow?: (rowNumber: number) => void;
    /** Called inside the opening-stock step's transaction, after the receipts; throwing rolls it back. */
    afterReceipts?: () => void;
  };
} = { batchSize: DEFAULT_BATCH_SIZE, receiptLines: null, hooks: {} };
