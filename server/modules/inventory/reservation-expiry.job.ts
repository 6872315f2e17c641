// Expired reservations are released by the platform scheduler. Each reservation queues one job for its
// deadline in the transaction that creates it (outbox: no job without the reservation). A run expires
// every overdue reservation of that company, so a job that was lost or failed is covered by the next one;
// the job is idempotent (a reservation no longer active is left alone).
import { registerJobHandler } from '../../platform/jobs/index.js';
import { EXPIRE_JOB, expireOverdueReservations } from './reservations.service.js';

registerJobHandler(EXPIRE_JOB, async (job, helpers) => {
  if (!job.tenantId) return;
  await expireOverdueReservations(helpers.db, job.tenantId, helpers.now);
});
