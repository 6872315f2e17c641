import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { productDetailOut } from '../../../common/contracts/products.contract.js';
import { ctxOf } from '../../platform/http/request-ctx.js';
import { readUpload } from '../../platform/files/files.routes.js';
import { registerFileOwner } from '../../platform/files/files.service.js';
import { PRODUCT_IMAGE_MAX_BYTES, PRODUCT_IMAGE_OWNER, canSeeProductImage, removeProductImage, setProductImage } from './product-image.service.js';

const tags = ['products'];
const idParams = z.object({ id: z.uuid() });
/**
 * For the OpenAPI document only: the multipart plugin leaves the body empty (the route reads the file
 * itself), so the schema must accept "no body"; the file's checks are in readUpload and the service.
 */
const imageBody = z.object({ image: z.string().meta({ format: 'binary', description: 'JPEG, PNG or WebP, at most 5 MB' }) }).nullish();

export const productImageRoutes: FastifyPluginAsyncZod = async (app) => {
  registerFileOwner(PRODUCT_IMAGE_OWNER, canSeeProductImage);

  app.put('/api/products/:id/image', {
    config: { permission: 'products.edit' },
    schema: {
      tags, params: idParams, consumes: ['multipart/form-data'], body: imageBody, response: { 200: productDetailOut },
      summary: 'Set or replace the product image (multipart, one file field; JPEG, PNG or WebP by content, at most 5 MB). Served at imageUrl (GET /api/files/{id}) to users with products.view',
    },
  }, async (req) => setProductImage(ctxOf(req), req.params.id, await readUpload(req, { maxBytes: PRODUCT_IMAGE_MAX_BYTES, field: 'image', label: 'تصویر کالا' })));

  app.delete('/api/products/:id/image', {
    config: { permission: 'products.edit' },
    schema: { tags, summary: 'Remove the product image', params: idParams, response: { 200: productDetailOut } },
  }, async (req) => removeProductImage(ctxOf(req), req.params.id));
};
