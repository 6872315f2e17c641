// Checks of what an activity points at: its type, people, the linked record, the contact and invitees.
// Each failure names the field in Persian, before anything is written.
import { and, eq, inArray } from 'drizzle-orm';
import type { ActivityKind, InviteeInput } from '../../../common/contracts/activities.contract.js';
import { toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { fieldError } from '../../platform/http/app-error.js';
import { linkTarget } from '../../platform/links/record-links.js';
import { customerContacts } from '../customers/index.js';
import { users } from '../staff/index.js';
import { activityTypes } from './activities.table.js';

/** An inactive type is kept by the activities that already have it, but not chosen anew. */
export async function checkType(tx: Tx, ctx: Ctx, typeId: string, currentTypeId: string | null = null) {
  const [type] = await tx.select().from(activityTypes).where(and(eq(activityTypes.tenantId, ctx.tenantId), eq(activityTypes.id, typeId)));
  if (!type) throw fieldError('typeId', 'نوع فعالیت انتخاب‌شده پیدا نشد');
  if (!type.active && type.id !== currentTypeId) throw fieldError('typeId', `نوع فعالیت «${type.name}» غیرفعال است`);
  return type;
}

export async function checkStaff(tx: Tx, ctx: Ctx, userId: string, path: string, label: string) {
  const [u] = await tx.select({ active: users.active }).from(users).where(and(eq(users.tenantId, ctx.tenantId), eq(users.id, userId)));
  if (!u) throw fieldError(path, `${label} انتخاب‌شده پیدا نشد`);
  if (!u.active) throw fieldError(path, `${label} انتخاب‌شده غیرفعال است`);
}

export type Link = { linkType: string | null; linkId: string | null; customerId: string | null };

/**
 * The record the activity is about. A customer can be given as `customerId` alone; any other record
 * (a deal, a document) as (linkType, linkId), and its customer comes from its module.
 */
export async function resolveLink(tx: Tx, ctx: Ctx, input: Partial<Link>): Promise<Link> {
  let { linkType = null, linkId = null } = input;
  const customerId = input.customerId ?? null;
  if (!linkType && customerId) [linkType, linkId] = ['customer', customerId];
  if (!linkType) {
    if (linkId) throw fieldError('linkType', 'نوع رکورد پیوندی الزامی است');
    return { linkType: null, linkId: null, customerId: null };
  }
  if (!linkId) throw fieldError('linkId', 'رکورد پیوندی الزامی است');
  if (linkType === 'customer' && customerId && customerId !== linkId) throw fieldError('customerId', 'مشتری با رکورد پیوندی یکی نیست');
  const target = linkTarget(linkType);
  if (!target) throw fieldError('linkType', 'این نوع رکورد پیوندی پشتیبانی نمی‌شود');
  const record = await target.resolve(tx, ctx, linkId);
  if (!record) throw fieldError(linkType === 'customer' ? 'customerId' : 'linkId', `${target.label.fa} انتخاب‌شده پیدا نشد`);
  return { linkType, linkId, customerId: record.customerId };
}

export async function checkContact(tx: Tx, ctx: Ctx, contactId: string, customerId: string | null) {
  if (!customerId) throw fieldError('contactId', 'برای انتخاب رابط، ابتدا مشتری را انتخاب کنید');
  const [c] = await tx.select({ customerId: customerContacts.customerId }).from(customerContacts)
    .where(and(eq(customerContacts.tenantId, ctx.tenantId), eq(customerContacts.id, contactId)));
  if (!c) throw fieldError('contactId', 'رابط انتخاب‌شده پیدا نشد');
  if (c.customerId !== customerId) throw fieldError('contactId', 'رابط انتخاب‌شده از افراد این مشتری نیست');
}

/** Staff invitees must be active colleagues; contact invitees people of any customer of this company. */
export async function checkInvitees(tx: Tx, ctx: Ctx, list: InviteeInput[]) {
  const out: { userId: string | null; contactId: string | null }[] = [];
  const seen = new Set<string>();
  for (const [i, v] of list.entries()) {
    if (!v.userId === !v.contactId) throw fieldError(`invitees.${i}`, `مدعو ${toPersianDigits(i + 1)} باید یک همکار یا یک رابط مشتری باشد`);
    const key = v.userId ? `u:${v.userId}` : `c:${v.contactId}`;
    if (!seen.has(key)) out.push({ userId: v.userId ?? null, contactId: v.contactId ?? null });
    seen.add(key);
  }
  const userIds = out.flatMap((x) => (x.userId ? [x.userId] : []));
  const contactIds = out.flatMap((x) => (x.contactId ? [x.contactId] : []));
  if (userIds.length) {
    const found = await tx.select({ id: users.id, active: users.active }).from(users).where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, userIds)));
    const bad = userIds.findIndex((id) => !found.some((f) => f.id === id && f.active));
    if (bad >= 0) throw fieldError(`invitees.${list.findIndex((x) => x.userId === userIds[bad])}`, 'همکار دعوت‌شده پیدا نشد یا غیرفعال است');
  }
  if (contactIds.length) {
    const found = await tx.select({ id: customerContacts.id }).from(customerContacts).where(and(eq(customerContacts.tenantId, ctx.tenantId), inArray(customerContacts.id, contactIds)));
    const bad = contactIds.findIndex((id) => !found.some((f) => f.id === id));
    if (bad >= 0) throw fieldError(`invitees.${list.findIndex((x) => x.contactId === contactIds[bad])}`, 'رابط دعوت‌شده پیدا نشد');
  }
  return out;
}

type KindFields = { direction?: string | null; location?: string | null; inviteeCount: number; audioFileId?: string | null };
/** Fields that belong to one kind: a call's direction and recording, a meeting's invitees, a place for meetings and visits. */
export function checkKindFields(kind: ActivityKind, v: KindFields) {
  if (v.direction && kind !== 'call') throw fieldError('direction', 'جهت تماس فقط برای فعالیت‌های از نوع تماس است');
  if (v.audioFileId && kind !== 'call') throw fieldError('typeId', 'فعالیتی که فایل صوتی تماس دارد باید از نوع تماس بماند');
  if (v.location && kind !== 'meeting' && kind !== 'visit') throw fieldError('location', 'محل فقط برای جلسه و بازدید ثبت می‌شود');
  if (v.inviteeCount && kind !== 'meeting') throw fieldError('invitees', 'مدعوین فقط برای جلسه ثبت می‌شوند');
}
