import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatJalali } from '../../../common/jalali.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { readUpload } from '../../platform/files/files.routes.js';
import { registerFileOwner } from '../../platform/files/files.service.js';
import { registerAuditedEntity, setActorNameResolver } from '../../platform/audit/audit-registry.js';
import { sendExport, type ExportColumn } from '../../platform/export/export.service.js';
import { staffCreate, staffExportQuery, staffListQuery, staffOut, staffPatch, type StaffOut } from './staff.contract.js';
import * as staff from './staff.service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['staff'];

const EXPORT_COLUMNS: ExportColumn<StaffOut>[] = [
  { header: 'کد پرسنلی', value: (r) => r.personnelCode },
  { header: 'نام', value: (r) => r.firstName },
  { header: 'نام خانوادگی', value: (r) => r.lastName },
  { header: 'نام کاربری', value: (r) => r.username },
  { header: 'موبایل', value: (r) => r.mobile },
  { header: 'ایمیل', value: (r) => r.email, width: 26 },
  { header: 'سمت', value: (r) => r.jobPositionName },
  { header: 'واحد', value: (r) => r.unitName },
  { header: 'مدیر', value: (r) => r.managerName },
  { header: 'وضعیت', value: (r) => (r.active ? 'فعال' : 'غیرفعال') },
  { header: 'تاریخ ایجاد', value: (r) => formatJalali(r.createdAt, { digits: 'latin' }) },
];

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('staff', 'staff.view');
  registerFileOwner('staff', (ctx, ownerId) => staff.canSeeStaff(ctx, ownerId));
  setActorNameResolver((ctx, ids, tx) => staff.staffNames(ctx, ids, tx));

  app.get('/api/staff', {
    config: { permission: 'staff.view' },
    schema: { tags, summary: 'List staff (search, filters, keyset paging)', querystring: staffListQuery,
      response: { 200: z.object({ items: z.array(staffOut), nextCursor: z.string().nullable(), total: z.number().nullable() }) } },
  }, async (req) => staff.listStaff(ctxOf(req), req.query));

  app.get('/api/staff/export', {
    config: { permission: 'staff.export' },
    schema: { tags, summary: 'Export the filtered list (or selected ids) as XLSX or CSV', querystring: staffExportQuery },
  }, async (req, reply) => {
    const { format, ids, ...filters } = req.query;
    const idList = ids ? ids.split(',').filter((s) => /^[0-9a-f-]{36}$/i.test(s)) : undefined;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'پرسنل', columns: EXPORT_COLUMNS, pages: staff.staffExportPages(ctx, filters, idList),
      audit: { ctx, resource: 'staff', filters: { ...filters, ids: idList?.length } } });
  });

  app.get('/api/staff/:id', { config: { permission: 'staff.view' }, schema: { tags, summary: 'One staff member', params: idParams, response: { 200: staffOut } } },
    async (req) => staff.getStaff(ctxOf(req), req.params.id));
  app.post('/api/staff', { config: { permission: 'staff.create' }, schema: { tags, summary: 'Create a staff member', body: staffCreate, response: { 201: staffOut } } },
    async (req, reply) => reply.status(201).send(await staff.createStaff(ctxOf(req), req.body)));
  app.patch('/api/staff/:id', { config: { permission: 'staff.edit' }, schema: { tags, summary: 'Change a staff member (roles and groups too)', params: idParams, body: staffPatch, response: { 200: staffOut } } },
    async (req) => staff.updateStaff(ctxOf(req), req.params.id, req.body));
  app.post('/api/staff/:id/deactivate', { config: { permission: 'staff.edit' }, schema: { tags, summary: 'Deactivate; ends their sessions', params: idParams, response: { 200: staffOut } } },
    async (req) => staff.setStaffActive(ctxOf(req), req.params.id, false));
  app.post('/api/staff/:id/activate', { config: { permission: 'staff.edit' }, schema: { tags, summary: 'Reactivate', params: idParams, response: { 200: staffOut } } },
    async (req) => staff.setStaffActive(ctxOf(req), req.params.id, true));
  for (const kind of ['photo', 'signature'] as const) {
    app.post(`/api/staff/:id/${kind}`, {
      config: { permission: 'staff.edit' },
      schema: { tags, summary: `Upload the ${kind} image (multipart field "file"; PNG, JPEG, WebP or GIF)`, params: idParams, consumes: ['multipart/form-data'], response: { 200: staffOut } },
    }, async (req) => staff.setStaffImage(ctxOf(req), req.params.id, kind, await readUpload(req)));
  }
};
