// The SMS module: an outbox of messages sent by the platform scheduler through a company's gateway.
// Other modules import only from here.
import './sms.job.js';
export { smsRoutes } from './sms.routes.js';
export { queueSms, validateSms, type QueueSmsInput } from './sms.service.js';
export { smsMessages, smsSettings } from './sms.table.js';
