import './reservation-expiry.job.js';
export { inventoryRoutes } from './inventory.routes.js';
export { warehouses, stockDocuments, stockDocumentLines, stockMovements, stockBalances, stockReservations } from './inventory.table.js';
export { issueStock, receiveStock, type StockMoveInput } from './stock-api.js';
export { reserve, releaseReservation, consumeReservation, expireOverdueReservations, EXPIRE_JOB } from './reservations.service.js';
export { checkTenantStock, checkAllTenants } from './consistency.js';
export { reverseDocument } from './stock-documents.service.js';
