import './customer-lists.js';
import './import/import.job.js';
import './import/validation.job.js';
export { customersRoutes } from './customers.routes.js';
export { customers, customerContacts, customerAddresses } from './customers.table.js';
export { insertCustomer, applyUpdate, loadInScope, getCustomer, listCustomers } from './customers.service.js';
export { registerTimelineProvider, registerTimelineSource, type TimelineItem } from './timeline.js';
export { registerCustomerMover } from './customers.merge.js';
