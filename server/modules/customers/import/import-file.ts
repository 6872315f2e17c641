// The customer import's uploads: CSV, XLSX or VCF, readable by whoever may see the uploader's imports
// (customers.import with that scope). Parsed once at preview; the later passes read the rows cache.
import { importUploads } from '../../../platform/import/import-uploads.js';
import { userInScope } from '../../access/index.js';

export const { parseUpload, storeImportFile, openParsedImport } = importUploads({
  owner: 'customerImport',
  mayRead: (ctx, uploaderId) => userInScope(ctx, 'customers.import', uploaderId),
});
