// Reminders (یادآورها): set for oneself or a colleague, delivered by the scheduler as a live pop-up and,
// when asked, by SMS. The only file other modules import from reminders.
import './reminders.job.js';
import './timeline-provider.js';
import './customer-link.js';
export { remindersRoutes } from './reminders.routes.js';
export { reminders } from './reminders.table.js';
export { deliverDueReminders, DELIVERY_BATCH } from './reminder-delivery.js';
export { DELIVER_JOB } from './reminder-schedule.js';
