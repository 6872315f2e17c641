import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addressInput, addressOut, bulkAssignBody, contactInput, contactOut, customerCreate, customerExportQuery, customerListQuery, customerOut, customerPatch,
} from '../../../common/contracts/customers.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { registerAuditedEntity } from '../../platform/audit/audit-registry.js';
import { sendExport } from '../../platform/export/export.service.js';
import * as svc from './customers.service.js';
import * as children from './customer-contacts.service.js';
import { exportColumns, customerExportPages } from './customers.export.js';
import { customerTimeline } from './timeline.js';
import { DUPLICATE_FIELDS, findDuplicates } from './customers.duplicates.js';
import { mergeCustomers } from './customers.merge.js';
import { customerImportRoutes } from './import/import.routes.js';

const tags = ['customers'];
const idParams = z.object({ id: z.uuid() });
const childParams = z.object({ id: z.uuid(), childId: z.uuid() });
const detailOut = customerOut.extend({ contacts: z.array(contactOut), addresses: z.array(addressOut) });

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  registerAuditedEntity('customer', 'customers.view');
  registerAuditedEntity('customerContact', 'customers.view');
  await app.register(customerImportRoutes);

  app.get('/api/customers', {
    config: { permission: 'customers.view' },
    schema: { tags, summary: 'List customers: search, filters, sort, keyset paging', querystring: customerListQuery,
      response: { 200: z.object({ items: z.array(customerOut), nextCursor: z.string().nullable(), total: z.number().nullable() }) } },
  }, async (req) => svc.listCustomers(ctxOf(req), req.query));

  app.get('/api/customers/export', {
    config: { permission: 'customers.export' },
    schema: { tags, summary: 'Export selected ids, the filtered view or all customers as XLSX or CSV', querystring: customerExportQuery },
  }, async (req, reply) => {
    const { format, ids, columns, ...filters } = req.query;
    const idList = ids ? ids.split(',').filter((s) => /^[0-9a-f-]{36}$/i.test(s)) : undefined;
    const ctx = ctxOf(req);
    return sendExport(reply, { format, filename: 'مشتریان', columns: exportColumns(columns), pages: customerExportPages(ctx, filters, idList),
      audit: { ctx, resource: 'customers', filters: { ...filters, ids: idList?.length } } });
  });

  app.post('/api/customers/assign', {
    config: { permission: 'customers.assign' },
    schema: { tags, summary: 'Assign (or unassign with null) an owner to many customers', body: bulkAssignBody, response: { 200: z.object({ updated: z.number(), notFound: z.number() }) } },
  }, async (req) => svc.bulkAssign(ctxOf(req), req.body.ids, req.body.ownerId));

  app.get('/api/customers/duplicates', {
    config: { permission: 'customers.view' },
    schema: { tags, summary: 'Groups of customers sharing a value, or with similar names (field=name)',
      querystring: z.object({ field: z.enum(DUPLICATE_FIELDS), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ groups: z.array(z.object({ key: z.string(), customers: z.array(customerOut) })) }) } },
  }, async (req) => findDuplicates(ctxOf(req), req.query.field, req.query.limit));

  app.post('/api/customers/merge', {
    config: { permission: 'customers.edit' },
    schema: { tags, summary: 'Merge two customers: choose each field, move related records to the survivor, delete the other',
      body: z.object({ survivorId: z.uuid(), mergedId: z.uuid(), fields: z.record(z.string(), z.enum(['survivor', 'merged'])).default({}) }), response: { 200: detailOut } },
  }, async (req) => mergeCustomers(ctxOf(req), req.body));

  app.get('/api/customers/:id/timeline', {
    config: { permission: 'customers.view' },
    schema: { tags, summary: "The customer's 360° timeline, newest first; modules add item types",
      params: idParams,
      querystring: z.object({ types: z.string().max(300).optional(), limit: z.coerce.number().int().min(1).max(100).default(30), cursor: z.string().max(100).optional() }),
      response: { 200: z.object({
        items: z.array(z.object({ type: z.string(), id: z.string(), at: z.date(), title: z.string(), body: z.string().nullable(), actor: z.object({ id: z.string(), name: z.string() }).nullable(), link: z.string().nullable(), color: z.string().nullable().optional(), icon: z.string().nullable().optional() })),
        nextCursor: z.string().nullable(),
        types: z.array(z.object({ key: z.string(), label: z.object({ fa: z.string(), en: z.string() }) })),
      }) } },
  }, async (req) => customerTimeline(ctxOf(req), req.params.id, { ...req.query, types: req.query.types?.split(',').filter(Boolean) }));

  app.get('/api/customers/:id', { config: { permission: 'customers.view' }, schema: { tags, summary: 'One customer with contacts and addresses', params: idParams, response: { 200: detailOut } } },
    async (req) => svc.getCustomer(ctxOf(req), req.params.id));
  app.post('/api/customers', { config: { permission: 'customers.create' }, schema: { tags, summary: 'Create a customer (natural or legal person)', body: customerCreate, response: { 201: detailOut } } },
    async (req, reply) => reply.status(201).send(await svc.createCustomer(ctxOf(req), req.body)));
  app.patch('/api/customers/:id', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Change a customer (send version to detect concurrent edits)', params: idParams, body: customerPatch, response: { 200: detailOut } } },
    async (req) => svc.updateCustomer(ctxOf(req), req.params.id, req.body));
  app.delete('/api/customers/:id', { config: { permission: 'customers.delete' }, schema: { tags, summary: 'Delete a customer', params: idParams } },
    async (req, reply) => { await svc.deleteCustomer(ctxOf(req), req.params.id); return reply.status(204).send(); });

  app.get('/api/customers/:id/contacts', { config: { permission: 'customers.view' }, schema: { tags, summary: "The customer's contacts", params: idParams, response: { 200: z.object({ items: z.array(contactOut) }) } } },
    async (req) => ({ items: await children.listContacts(ctxOf(req), req.params.id) }));
  app.post('/api/customers/:id/contacts', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Add a contact', params: idParams, body: contactInput, response: { 201: contactOut } } },
    async (req, reply) => reply.status(201).send(await children.saveContact(ctxOf(req), req.params.id, null, req.body)));
  app.patch('/api/customers/:id/contacts/:childId', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Change a contact', params: childParams, body: contactInput, response: { 200: contactOut } } },
    async (req) => children.saveContact(ctxOf(req), req.params.id, req.params.childId, req.body));
  app.delete('/api/customers/:id/contacts/:childId', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Remove a contact', params: childParams } },
    async (req, reply) => { await children.deleteContact(ctxOf(req), req.params.id, req.params.childId); return reply.status(204).send(); });
  app.post('/api/customers/:id/addresses', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Add an address', params: idParams, body: addressInput, response: { 201: addressOut } } },
    async (req, reply) => reply.status(201).send(await children.saveAddress(ctxOf(req), req.params.id, null, req.body)));
  app.patch('/api/customers/:id/addresses/:childId', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Change an address', params: childParams, body: addressInput, response: { 200: addressOut } } },
    async (req) => children.saveAddress(ctxOf(req), req.params.id, req.params.childId, req.body));
  app.delete('/api/customers/:id/addresses/:childId', { config: { permission: 'customers.edit' }, schema: { tags, summary: 'Remove an address', params: childParams } },
    async (req, reply) => { await children.deleteAddress(ctxOf(req), req.params.id, req.params.childId); return reply.status(204).send(); });
};
