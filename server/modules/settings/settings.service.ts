import { eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { notFound } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { ACCEPT, saveFile } from '../../platform/files/files.service.js';
import { companySettings } from './settings.table.js';

type CompanyInput = {
  name: string; economicCode?: string | null | undefined; legalId?: string | null | undefined; registrationNo?: string | null | undefined;
  address?: string | null | undefined; postalCode?: string | null | undefined; phones?: string | null | undefined;
  fiscalYearStartMonth: number; currencyDisplay: 'rial' | 'toman';
};

const out = (r: typeof companySettings.$inferSelect) => ({
  name: r.name, economicCode: r.economicCode, legalId: r.legalId, registrationNo: r.registrationNo, address: r.address,
  postalCode: r.postalCode, phones: r.phones, logoFileId: r.logoFileId, fiscalYearStartMonth: r.fiscalYearStartMonth, currencyDisplay: r.currencyDisplay,
});

/** Called when a tenant is created. */
export async function createCompanySettings(tx: Tx, tenantId: string, name: string) {
  await tx.insert(companySettings).values({ tenantId, name });
}

export async function getCompany(ctx: Ctx) {
  const [row] = await inTenant(ctx.db, ctx, (tx) => tx.select().from(companySettings).where(eq(companySettings.tenantId, ctx.tenantId)));
  if (!row) throw notFound('تنظیمات شرکت');
  return out(row);
}

export async function updateCompany(ctx: Ctx, input: CompanyInput) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(companySettings).where(eq(companySettings.tenantId, ctx.tenantId));
    if (!before) throw notFound('تنظیمات شرکت');
    const [after] = await tx
      .update(companySettings)
      .set({
        name: input.name, economicCode: input.economicCode ?? null, legalId: input.legalId ?? null, registrationNo: input.registrationNo ?? null,
        address: input.address ?? null, postalCode: input.postalCode ?? null, phones: input.phones ?? null,
        fiscalYearStartMonth: input.fiscalYearStartMonth, currencyDisplay: input.currencyDisplay, updatedAt: ctx.now(),
      })
      .where(eq(companySettings.tenantId, ctx.tenantId))
      .returning();
    await recordAudit(tx, ctx, { entity: 'company', entityId: ctx.tenantId, action: 'update', before, after: after! });
    return out(after!);
  });
}

export async function setCompanyLogo(ctx: Ctx, file: { buffer: Buffer; filename: string }) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const [before] = await tx.select().from(companySettings).where(eq(companySettings.tenantId, ctx.tenantId));
    if (!before) throw notFound('تنظیمات شرکت');
    const stored = await saveFile(tx, ctx, { ...file, accept: ACCEPT.image, ownerEntity: 'company', ownerId: ctx.tenantId });
    const [after] = await tx.update(companySettings).set({ logoFileId: stored.id, updatedAt: ctx.now() }).where(eq(companySettings.tenantId, ctx.tenantId)).returning();
    await recordAudit(tx, ctx, { entity: 'company', entityId: ctx.tenantId, action: 'update', before, after: after! });
    return out(after!);
  });
}
