// Group commit for POST /api/reservations. Requests of the same company and user that wait while a group
// of theirs is being written go together in the next group, so a burst of reservations costs a few
// transactions instead of one each (see reservations-grouped.ts). A lone request waits for nothing: it is
// written at once as a group of one. Requests with an Idempotency-Key do not come here (the key is
// stored per request in its own transaction).
import type { ReservationCreate, ReservationOut } from '../../../common/contracts/inventory.contract.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { inTenant } from '../../platform/db/transactions.js';
import { holdGrouped, type GroupedAnswer } from './reservations-grouped.js';

type Waiting = { ctx: Ctx; input: ReservationCreate; resolve: (out: ReservationOut) => void; reject: (err: unknown) => void };
type Queue = { waiting: Waiting[]; busy: boolean };

/** Larger groups hold the balance locks longer; 64 keeps a group's transaction short. */
const MAX_GROUP = 64;
const queues = new WeakMap<Db, Map<string, Queue>>();

export function reserveGrouped(ctx: Ctx, input: ReservationCreate, single: (ctx: Ctx, input: ReservationCreate) => Promise<ReservationOut>): Promise<ReservationOut> {
  let byKey = queues.get(ctx.db);
  if (!byKey) queues.set(ctx.db, (byKey = new Map()));
  const key = `${ctx.tenantId}|${ctx.principal.userId ?? ctx.principal.apiKeyId ?? ''}`;
  let q = byKey.get(key);
  if (!q) byKey.set(key, (q = { waiting: [], busy: false }));
  const queue = q;
  return new Promise<ReservationOut>((resolve, reject) => {
    queue.waiting.push({ ctx, input, resolve, reject });
    if (!queue.busy) void drain(queue, byKey, key, single);
  });
}

async function drain(q: Queue, byKey: Map<string, Queue>, key: string, single: (ctx: Ctx, input: ReservationCreate) => Promise<ReservationOut>) {
  q.busy = true;
  try {
    while (q.waiting.length) {
      const group = q.waiting.splice(0, MAX_GROUP);
      await writeGroup(group, single);
    }
  } finally {
    q.busy = false;
    if (!q.waiting.length) byKey.delete(key);
  }
}

async function writeGroup(group: Waiting[], single: (ctx: Ctx, input: ReservationCreate) => Promise<ReservationOut>) {
  const first = group[0]!.ctx;
  let answers: GroupedAnswer[] | null = null;
  try {
    answers = await inTenant(first.db, first, (tx) => holdGrouped(tx, first.tenantId, group));
  } catch (err) {
    // A request naming a missing warehouse or product (or a database error): nothing was written;
    // each request runs alone and gets its own answer.
    if (group.length === 1) return group[0]!.reject(err);
  }
  if (!answers) {
    await Promise.all(group.map((w) => single(w.ctx, w.input).then(w.resolve, w.reject)));
    return;
  }
  answers.forEach((a, i) => (a.ok ? group[i]!.resolve(a.out) : group[i]!.reject(a.error)));
}
