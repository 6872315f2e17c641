// The outbox's scheduler jobs. A send job carries the attempt number it was queued for, so a job that is
// no longer current (the message was sent, failed, or another job took that attempt) does nothing.
import type { Tx } from '../../platform/db/types.js';
import { enqueueJob } from '../../platform/jobs/index.js';
import { pollBucketEnd } from './domain/outbox-policy.js';

export const SEND_JOB = 'sms.send';
export const POLL_JOB = 'sms.delivery-reports';

export type SendJobPayload = { messageId: string; attempt: number };

/** In the caller's transaction (outbox): the job exists only if the message does. */
export async function enqueueSend(tx: Tx, tenantId: string, messageId: string, attempt: number, runAt?: Date): Promise<void> {
  await enqueueJob(tx, { kind: SEND_JOB, tenantId, payload: { messageId, attempt } satisfies SendJobPayload, ...(runAt ? { runAt } : {}), maxAttempts: 10 });
}

/** One delivery-report poll per company and minute, at the end of the minute in which a check falls due. */
export async function schedulePoll(tx: Tx, tenantId: string, dueAt: Date, now: Date): Promise<void> {
  const runAt = pollBucketEnd(dueAt.getTime() > now.getTime() ? dueAt : now);
  await enqueueJob(tx, { kind: POLL_JOB, tenantId, runAt, dedupeKey: `${POLL_JOB}:${tenantId}:${runAt.getTime()}`, maxAttempts: 3 });
}
