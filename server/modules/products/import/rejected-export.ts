// The rejected rows of a product import as an XLSX (platform/import/rejected-rows-export.ts), under the
// file's own column headers.
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { sendRejectedRowsXlsx } from '../../../platform/import/rejected-rows-export.js';
import { productImportRows } from '../product-imports.table.js';
import { openParsedImport } from './import-file.js';
import { importInScope } from './import.service.js';

export async function sendRejectedRows(ctx: Ctx, id: string, reply: FastifyReply) {
  const imp = await inTenant(ctx.db, ctx, (tx) => importInScope(tx, ctx, id));
  const { headers } = await openParsedImport(ctx, imp.fileId);
  return sendRejectedRowsXlsx(reply, ctx, { table: productImportRows, importId: id, filename: imp.filename, headers });
}
