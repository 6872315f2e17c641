// Knobs of the product import pipeline. Tests shrink the batch and use the hook to crash inside a batch.
export const DEFAULT_BATCH_SIZE = 1000;
/** Lines per opening-stock receipt: one receipt per warehouse, split only for very large files. */
export const DEFAULT_RECEIPT_LINES = 2000;
/**
 * On embedded PGlite, confirming one receipt of ~300 lines fails inside the inventory module (its balance
 * lock query with one (warehouse, variant) pair per line comes back short or aborts the WASM engine), so
 * receipts are split smaller there. PostgreSQL handles 2,000 lines per receipt.
 */
export const PGLITE_RECEIPT_LINES = 200;
export const importTuning: {
  batchSize: number;
  /** null = by engine: DEFAULT_RECEIPT_LINES on PostgreSQL, PGLITE_RECEIPT_LINES on PGlite. */
  receiptLines: number | null;
  hooks: {
    /** Called before each row of the job is written; throwing aborts (rolls back) the whole batch. */
    beforeRow?: (rowNumber: number) => void;
    /** Called inside the opening-stock step's transaction, after the receipts; throwing rolls it back. */
    afterReceipts?: () => void;
  };
} = { batchSize: DEFAULT_BATCH_SIZE, receiptLines: null, hooks: {} };
