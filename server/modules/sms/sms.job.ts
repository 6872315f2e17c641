// The outbox runs on the platform scheduler: jobs live in the database, so a restart loses nothing.
import { registerJobHandler } from '../../platform/jobs/index.js';
import { attemptDelivery } from './sms-delivery.js';
import { pollDeliveryReports } from './sms-delivery-reports.js';
import { POLL_JOB, SEND_JOB, type SendJobPayload } from './sms-jobs.js';

registerJobHandler<SendJobPayload>(SEND_JOB, async (job, helpers) => {
  if (!job.tenantId) return;
  await attemptDelivery(helpers.db, job.tenantId, job.payload, helpers.now);
});

registerJobHandler(POLL_JOB, async (job, helpers) => {
  if (!job.tenantId) return;
  await pollDeliveryReports(helpers.db, job.tenantId, helpers.now);
});
