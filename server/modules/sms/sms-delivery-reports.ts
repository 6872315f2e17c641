// Delivery reports: sent messages of a gateway that has them (Kavenegar) are checked 1, 2, 4 … minutes after
// sending, up to hourly, for 48 hours; one poll per company asks for all that are due in one request.
// A gateway that cannot answer only pushes the checks later — it never fails a message.
import { and, eq, isNotNull, lte, min } from 'drizzle-orm';
import type { Db } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { nextStatusCheck } from './domain/outbox-policy.js';
import { statusGatewayFor, type DeliveryReport } from './gateways/index.js';
import { loadSmsSettings } from './sms-settings.service.js';
import { smsLog } from './sms-runtime.js';
import { schedulePoll } from './sms-jobs.js';
import { smsMessages } from './sms.table.js';

const BATCH = 500;

export async function pollDeliveryReports(db: Db, tenantId: string, now: () => Date): Promise<void> {
  const log = smsLog();
  const t = now();
  const { due, settings } = await inTenant(db, { tenantId }, async (tx) => {
    const rows = await tx.select({ id: smsMessages.id, gatewayMessageId: smsMessages.gatewayMessageId, sentAt: smsMessages.sentAt, statusChecks: smsMessages.statusChecks })
      .from(smsMessages)
      .where(and(eq(smsMessages.tenantId, tenantId), eq(smsMessages.status, 'sent'), isNotNull(smsMessages.nextStatusCheckAt), lte(smsMessages.nextStatusCheckAt, t)))
      .orderBy(smsMessages.nextStatusCheckAt).limit(BATCH);
    return { due: rows, settings: rows.length ? await loadSmsSettings(tx, tenantId) : null };
  });

  const gateway = settings ? statusGatewayFor(settings, log) : null;
  let reports = new Map<string, DeliveryReport>();
  if (due.length && gateway?.status) {
    try {
      reports = await gateway.status(due.map((d) => d.gatewayMessageId!));
    } catch (err) {
      log.warn({ tenantId, error: err instanceof Error ? err.message : 'unknown' }, 'sms delivery reports unavailable');
    }
  }

  await inTenant(db, { tenantId }, async (tx) => {
    for (const d of due) {
      const r = reports.get(d.gatewayMessageId!);
      const onlySent = and(eq(smsMessages.id, d.id), eq(smsMessages.status, 'sent'));
      if (r?.state === 'delivered') {
        await tx.update(smsMessages).set({ status: 'delivered', deliveredAt: t, deliveryStatus: r.text, nextStatusCheckAt: null, updatedAt: t }).where(onlySent);
      } else if (r?.state === 'failed') {
        await tx.update(smsMessages).set({ status: 'failed', failedAt: t, lastError: `کاوه‌نگار: ${r.text}`, deliveryStatus: r.text, nextStatusCheckAt: null, updatedAt: t }).where(onlySent);
      } else if (r?.state === 'unknown' || !gateway) {
        // Nobody can tell any more (id unknown, past 48 hours, key removed): it stays «sent».
        await tx.update(smsMessages).set({ nextStatusCheckAt: null, ...(r ? { deliveryStatus: r.text } : {}), updatedAt: t }).where(onlySent);
      } else {
        const checks = d.statusChecks + 1;
        await tx.update(smsMessages).set({
          statusChecks: checks, nextStatusCheckAt: nextStatusCheck({ checks, sentAt: d.sentAt ?? t, now: t }), ...(r ? { deliveryStatus: r.text } : {}), updatedAt: t,
        }).where(onlySent);
      }
    }
    const [next] = await tx.select({ at: min(smsMessages.nextStatusCheckAt) }).from(smsMessages)
      .where(and(eq(smsMessages.tenantId, tenantId), eq(smsMessages.status, 'sent'), isNotNull(smsMessages.nextStatusCheckAt)));
    if (next?.at) await schedulePoll(tx, tenantId, next.at, t);
  });
}
