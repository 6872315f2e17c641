// The only file other modules import from notes.
import './customer-link.js';
import './notes.search.js';
import './timeline-provider.js';
export { notesRoutes } from './notes.routes.js';
export { notes } from './notes.table.js';
export { listNotes, getNote } from './notes.service.js';
// The wall follows the same record rules.
export { resolveRecord, recordOf, visibleRecordCondition, keepVisibleRecords, recordLabel, type RecordRef } from './record-visibility.js';
