import type { Ctx } from '../context.js';
import { inTenant } from '../db/transactions.js';
import { recordAudit } from '../audit/audit.service.js';

/** What an export wrote down: the exported list (`warehouses`, `stockDocuments`…) and the filters it was cut with. */
export type ExportAudit = { resource: string; filters?: Record<string, unknown> };

/**
 * One history entry per export (entity `export`, id = the list), so «who took the stock table out, when,
 * with which filters» can be answered: `GET /api/audit-log?entity=export&entityId=<resource>` (audit.view).
 */
export async function recordExport(ctx: Ctx, e: ExportAudit & { format: 'csv' | 'xlsx' }) {
  const filters = Object.fromEntries(Object.entries(e.filters ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  await inTenant(ctx.db, ctx, (tx) => recordAudit(tx, ctx, { entity: 'export', entityId: e.resource, action: 'create', after: { format: e.format, ...filters } }));
}
