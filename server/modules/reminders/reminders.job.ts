import { registerJobHandler } from '../../platform/jobs/index.js';
import { deliverDueReminders } from './reminder-delivery.js';
import { DELIVER_JOB } from './reminder-schedule.js';

registerJobHandler(DELIVER_JOB, async (job, helpers) => {
  if (!job.tenantId) return;
  await deliverDueReminders(helpers.db, job.tenantId, helpers.now);
});
