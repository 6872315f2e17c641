import './customer-lists.js';
export { customersRoutes } from './customers.routes.js';
export { customers, customerContacts, customerAddresses } from './customers.table.js';
export { insertCustomer, applyUpdate, loadInScope, getCustomer, listCustomers } from './customers.service.js';
