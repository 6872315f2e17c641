// Whose eyes a post's history (its texts and mentions) is for: those who may see the post's record now.
// A post that no longer exists stays readable under `audit.view` only.
import { scopeOf, type Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { recordOf } from '../notes/index.js';
import { postById } from './posts.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function canReadPostHistory(ctx: Ctx, id: string): Promise<boolean> {
  if (!UUID.test(id)) return true; // no such post: an empty history either way
  return inTenant(ctx.db, ctx, async (tx) => {
    const row = await postById(tx, ctx, id);
    if (!row) return !!scopeOf(ctx.principal, 'audit.view');
    return (await recordOf(tx, ctx, row.linkType, row.linkId)) !== null;
  });
}
