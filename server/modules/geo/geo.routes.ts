import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCities, listProvinces } from './geo.service.js';

const tags = ['reference data'];

export const geoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/geo/provinces', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: "Iran's 31 provinces", response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), nameEn: z.string() })) }) } },
  }, async () => ({ items: await listProvinces(app.db) }));
  app.get('/api/geo/provinces/:id/cities', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Cities of a province', params: z.object({ id: z.coerce.number().int().min(1).max(99) }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) } },
  }, async (req) => ({ items: await listCities(app.db, req.params.id) }));
};
