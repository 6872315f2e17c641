// A product's picture: one image file per product, stored through the platform files (content-addressed)
// and shown to whoever may see products. Replacing or removing it is an audited product update.
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import { scopeOf } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { saveFile } from '../../platform/files/files.service.js';
import { PRODUCT_IMAGE_MIMES, imageRefusal } from './domain/image-signature.js';
import { getProduct, loadProduct } from './products.service.js';
import { products } from './products.table.js';

/** `files.owner_entity` of product images; GET /api/files/{id} asks canSeeProductImage. */
export const PRODUCT_IMAGE_OWNER = 'product';
export const PRODUCT_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sets or replaces the image. The version is not bumped on purpose: the image is saved on its own,
 * so an open form with unsaved edits must not turn into a 409 (its PATCH never touches the image).
 */
export async function setProductImage(ctx: Ctx, id: string, file: { buffer: Buffer; filename: string }) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadProduct(tx, ctx.tenantId, id);
    const refused = imageRefusal(file.buffer, file.filename);
    if (refused) {
      const code = refused.reason === 'empty' ? 'validation' : 'unsupported_media_type';
      throw new AppError(code, { detail: `تصویر کالا: ${refused.message}.`, errors: [{ path: 'image', message: refused.message }] });
    }
    // saveFile sniffs the bytes again (file-type): a second wall with the same three types.
    const stored = await saveFile(tx, ctx, { ...file, accept: PRODUCT_IMAGE_MIMES, ownerEntity: PRODUCT_IMAGE_OWNER, ownerId: id });
    const [after] = await tx.update(products).set({ imageFileId: stored.id, updatedAt: ctx.now() }).where(eq(products.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'product', entityId: id, action: 'update', before, after: after! });
  });
  return getProduct(ctx, id);
}

/**
 * Takes the image off the product. The file row stays: the change history still points at it, and the
 * bytes are shared with any other record that uploaded the same picture.
 */
export async function removeProductImage(ctx: Ctx, id: string) {
  await inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadProduct(tx, ctx.tenantId, id);
    if (!before.imageFileId) return;
    const [after] = await tx.update(products).set({ imageFileId: null, updatedAt: ctx.now() }).where(eq(products.id, id)).returning();
    await recordAudit(tx, ctx, { entity: 'product', entityId: id, action: 'update', before, after: after! });
  });
  return getProduct(ctx, id);
}

/** Anyone with products.view sees the images of the company's products (deleted ones too: old documents show them). */
export async function canSeeProductImage(ctx: Ctx, productId: string): Promise<boolean> {
  if (!scopeOf(ctx.principal, 'products.view') || !UUID.test(productId)) return false;
  const rows = await inTenant(ctx.db, ctx, (tx) =>
    tx.select({ id: products.id }).from(products).where(and(eq(products.tenantId, ctx.tenantId), eq(products.id, productId))));
  return rows.length > 0;
}
