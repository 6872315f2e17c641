// Knobs of the customer import pipeline. Tests shrink the batch and use the hook to crash inside a batch.
import type { ImportTuning } from '../../../platform/import/import-tuning.js';

/** Big enough that per-batch costs (transaction, lookups, progress) vanish; small enough to keep a batch's rows cheap in memory. */
export const DEFAULT_BATCH_SIZE = 2000;
export const importTuning: ImportTuning = { batchSize: DEFAULT_BATCH_SIZE, hooks: {} };
