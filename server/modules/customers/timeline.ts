import type { Ctx } from '../../platform/context.js';
import type { Tx } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { auditEntriesBefore } from '../../platform/audit/audit.service.js';
import { resolveActorNames } from '../../platform/audit/audit-registry.js';
import { AppError } from '../../platform/http/app-error.js';
import { loadInScope } from './customers.service.js';
import { fieldLabel } from '../../../common/field-labels.js';

export type TimelineItem = {
  type: string;
  id: string;
  at: Date;
  title: string;
  body: string | null;
  actorId: string | null;
  link: string | null;
  /** How the web marks the item (an activity type's color and icon); optional. */
  color?: string | null;
  icon?: string | null;
};
type Label = { fa: string; en: string };
type Provider = {
  label: Label;
  /** Items of this customer strictly older than `before`, newest first, at most `limit`. */
  fetch: (tx: Tx, ctx: Ctx, customerId: string, before: Date | null, limit: number) => Promise<TimelineItem[]>;
};
/**
 * A source of several item types read by one query (activities: one type per kind, one index scan for all):
 * `fetch` gets the wanted keys, a non-empty subset of the source's.
 */
type Source = {
  labels: Record<string, Label>;
  fetch: (tx: Tx, ctx: Ctx, customerId: string, before: Date | null, limit: number, keys: string[]) => Promise<TimelineItem[]>;
};

const sources: Source[] = [];
/** Later modules (activities, deals, documents, cheques…) add their items to the 360° timeline here. */
export const registerTimelineSource = (s: Source) => void sources.push(s);
export const registerTimelineProvider = (type: string, p: Provider) =>
  registerTimelineSource({ labels: { [type]: p.label }, fetch: (tx, ctx, customerId, before, limit) => p.fetch(tx, ctx, customerId, before, limit) });
export const timelineTypes = () => sources.flatMap((s) => Object.entries(s.labels).map(([key, label]) => ({ key, label })));

const ACTION_FA = { create: 'مشتری ثبت شد', update: 'اطلاعات مشتری تغییر کرد', delete: 'حذف شد' } as const;

registerTimelineProvider('history', {
  label: { fa: 'تغییرات', en: 'Changes' },
  fetch: async (tx, ctx, customerId, before, limit) =>
    (await auditEntriesBefore(tx, ctx.tenantId, 'customer', customerId, before, limit)).map((e) => ({
      type: 'history',
      id: String(e.id),
      at: e.at,
      title: ACTION_FA[e.action] ?? e.action,
      body: e.action === 'update' ? Object.keys((e.after ?? {}) as object).map(fieldLabel).join('، ') || null : null,
      actorId: e.actorUserId,
      link: null,
    })),
});

const encode = (at: Date) => Buffer.from(at.toISOString()).toString('base64url');
function decode(cursor: string | undefined): Date | null {
  if (!cursor) return null;
  const d = new Date(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (Number.isNaN(d.getTime())) throw new AppError('validation', { errors: [{ path: 'cursor', message: 'نشانگر صفحه معتبر نیست' }] });
  return d;
}

/** Merges every provider's newest items into one page, newest first. */
export async function customerTimeline(ctx: Ctx, customerId: string, q: { types?: string[] | undefined; limit: number; cursor?: string | undefined }) {
  const before = decode(q.cursor);
  const wanted = sources
    .map((s) => ({ s, keys: Object.keys(s.labels).filter((k) => !q.types?.length || q.types.includes(k)) }))
    .filter((w) => w.keys.length);
  const { items, page, names } = await inTenant(ctx.db, ctx, async (tx) => {
    await loadInScope(tx, ctx, customerId, 'customers.view');
    const lists = [];
    for (const { s, keys } of wanted) lists.push(await s.fetch(tx, ctx, customerId, before, q.limit + 1, keys));
    const items = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime());
    // Items at the same instant as the page's last one would be cut in half by an `at <` cursor: keep them together.
    let page = items.slice(0, q.limit);
    const last = page.at(-1);
    if (items.length > q.limit && last) page = items.filter((i) => i.at.getTime() >= last.at.getTime());
    const names = await resolveActorNames(ctx, [...new Set(page.map((i) => i.actorId).filter((x): x is string => !!x))], tx);
    return { items, page, names };
  });
  const last = page.at(-1);
  return {
    items: page.map(({ actorId, ...i }) => ({ ...i, actor: actorId ? { id: actorId, name: names.get(actorId) ?? '—' } : null })),
    nextCursor: items.length > page.length && last ? encode(last.at) : null,
    types: timelineTypes(),
  };
}
