// The record a reminder is about, through the platform's link targets (customers today; deals and
// documents when their modules register). Its title and path are kept on the reminder as they were.
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { fieldError } from '../../platform/http/app-error.js';
import { linkTarget } from '../../platform/links/record-links.js';

export type ReminderLink = {
  linkType: string | null;
  linkId: string | null;
  customerId: string | null;
  linkTitle: string | null;
  linkPath: string | null;
};

export const NO_LINK: ReminderLink = { linkType: null, linkId: null, customerId: null, linkTitle: null, linkPath: null };

type LinkInput = { linkType?: string | null | undefined; linkId?: string | null | undefined; customerId?: string | null | undefined };

/** A customer can be given as `customerId` alone; any other record as (linkType, linkId). Only what the user may see. */
export async function resolveReminderLink(tx: Tx, ctx: Ctx, input: LinkInput): Promise<ReminderLink> {
  let linkType = input.linkType ?? null;
  let linkId = input.linkId ?? null;
  const customerId = input.customerId ?? null;
  if (!linkType && customerId) [linkType, linkId] = ['customer', customerId];
  if (!linkType) {
    if (linkId) throw fieldError('linkType', 'نوع رکورد پیوندی الزامی است');
    return NO_LINK;
  }
  if (!linkId) throw fieldError('linkId', 'رکورد پیوندی الزامی است');
  if (linkType === 'customer' && customerId && customerId !== linkId) throw fieldError('customerId', 'مشتری با رکورد پیوندی یکی نیست');
  const target = linkTarget(linkType);
  if (!target) throw fieldError('linkType', 'این نوع رکورد پیوندی پشتیبانی نمی‌شود');
  const record = await target.resolve(tx, ctx, linkId);
  if (!record) throw fieldError(linkType === 'customer' ? 'customerId' : 'linkId', `${target.label.fa} انتخاب‌شده پیدا نشد`);
  return { linkType, linkId, customerId: record.customerId, linkTitle: `${target.label.fa}: ${record.title}`, linkPath: record.path };
}
