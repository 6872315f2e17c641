// The product import's uploads: CSV or XLSX (a VCF makes no sense for products: refused), readable by
// whoever may see the uploader's imports (products.import with that scope). Parsed once at preview; the
// later passes read the rows cache.
import { importUploads } from '../../../platform/import/import-uploads.js';
import { userInScope } from '../../access/index.js';

export const { parseUpload, storeImportFile, openParsedImport } = importUploads({
  owner: 'productImport',
  mayRead: (ctx, uploaderId) => userInScope(ctx, 'products.import', uploaderId),
  accept: {
    formats: ['csv', 'xlsx'],
    refusal: 'فایل کارت ویزیت (VCF) برای کالاها معنا ندارد؛ فهرست کالاها را به صورت اکسل (XLSX) یا CSV بارگذاری کنید.',
  },
});
