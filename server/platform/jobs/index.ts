export { enqueueJob, enqueueJobs, JOBS_WAKEUP_CHANNEL, type EnqueueInput } from './enqueue.js';
export { registerJobHandler, type Job, type JobHandler, type JobHelpers } from './job-registry.js';
export { startScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';
export { retryDelayMs } from './backoff.js';
export { jobs } from './jobs.table.js';
