import { registerJobHandler } from '../../platform/jobs/index.js';
import { deliverDueReminders } from './reminder-delivery.js';
import { DELIVER_JOB } from './reminder-schedule.js';

// Jobs for several instants of one company often run in the same scheduler pass, and any one sweep covers
// everything due by then: they take turns here instead of fighting over the same rows (which makes all but
// one give up and retry).
const sweeping = new Map<string, Promise<unknown>>();

registerJobHandler(DELIVER_JOB, async (job, helpers) => {
  const tenantId = job.tenantId;
  if (!tenantId) return;
  const turn = (sweeping.get(tenantId) ?? Promise.resolve()).catch(() => undefined).then(() => deliverDueReminders(helpers.db, tenantId, helpers.now));
  sweeping.set(tenantId, turn);
  try {
    await turn;
  } finally {
    if (sweeping.get(tenantId) === turn) sweeping.delete(tenantId);
  }
});
