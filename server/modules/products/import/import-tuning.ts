// Knobs of the product import pipeline. Tests shrink the batch and use the hooks to crash inside a batch
// or inside the opening-stock step.
import type { ImportTuning } from '../../../platform/import/import-tuning.js';

export const DEFAULT_BATCH_SIZE = 1000;
/** Lines per opening-stock receipt: one receipt per warehouse, split only for very large files (both engines). */
export const DEFAULT_RECEIPT_LINES = 2000;
export const importTuning: ImportTuning<{
  /** Called inside the opening-stock step's transaction, after the receipts; throwing rolls it back. */
  afterReceipts?: () => void;
}> & {
  /** null = DEFAULT_RECEIPT_LINES. */
  receiptLines: number | null;
} = { batchSize: DEFAULT_BATCH_SIZE, receiptLines: null, hooks: {} };
