// The rejected rows of a customer import as an XLSX (platform/import/rejected-rows-export.ts). A VCF's
// columns are our field keys (the reader names the vCard properties), so they get their Persian names.
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../platform/context.js';
import { inTenant } from '../../../platform/db/transactions.js';
import { sendRejectedRowsXlsx } from '../../../platform/import/rejected-rows-export.js';
import { customerImportRows } from '../customer-imports.table.js';
import { fieldLabelFa } from './import-fields.js';
import { openParsedImport } from './import-file.js';
import { importInScope } from './import.service.js';

export async function sendRejectedRows(ctx: Ctx, id: string, reply: FastifyReply) {
  const imp = await inTenant(ctx.db, ctx, (tx) => importInScope(tx, ctx, id));
  const { headers, format } = await openParsedImport(ctx, imp.fileId);
  const labelled = format === 'vcf' ? headers.map(fieldLabelFa) : headers;
  return sendRejectedRowsXlsx(reply, ctx, { table: customerImportRows, importId: id, filename: imp.filename, headers: labelled });
}
