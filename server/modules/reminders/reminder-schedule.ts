// Reminders are delivered by the platform scheduler. Setting (or moving) a reminder queues, in the same
// transaction, one job for its exact due instant, shared by every reminder of the company due at that
// instant (dedupe key): 10,000 reminders due at 09:00 are one job, not 10,000. The job sweeps every pending
// reminder of the company whose time has come, so a job that is late, lost or retried still covers them all.
import type { Tx } from '../../platform/db/types.js';
import { enqueueJob } from '../../platform/jobs/index.js';

export const DELIVER_JOB = 'reminders.deliver';

export async function scheduleDelivery(tx: Tx, tenantId: string, dueAt: Date): Promise<void> {
  const at = dueAt.getTime();
  await enqueueJob(tx, { kind: DELIVER_JOB, tenantId, runAt: dueAt, dedupeKey: `${DELIVER_JOB}:${tenantId}:${at}`, maxAttempts: 25 });
}
