import { randomBytes } from 'node:crypto';
import { inSystem } from '../../../platform/db/transactions.js';
import type { Db } from '../../../platform/db/types.js';
import { users } from '../../staff/staff.table.js';
import { apiKeys } from '../../auth/auth.table.js';
import { createSession } from '../../auth/auth.service.js';
import { newApiKeySecret, sha256 } from '../../auth/tokens.js';

/** A plain staff member (no roles) with a bearer session; direct inserts keep these tests independent of the staff API. */
export async function seedUser(db: Db, tenantId: string, username = `u${randomBytes(4).toString('hex')}`) {
  const [user] = await inSystem(db, (tx) =>
    tx.insert(users).values({ tenantId, username, passwordHash: 'unused', firstName: 'کاربر', lastName: username }).returning({ id: users.id }),
  );
  const session = await createSession(db, user!.id, tenantId, 1, new Date());
  return { id: user!.id, token: session.token };
}

/** An integration key of the tenant: authenticated, but not a person. */
export async function seedApiKey(db: Db, tenantId: string) {
  const secret = newApiKeySecret();
  await inSystem(db, (tx) =>
    tx.insert(apiKeys).values({ tenantId, name: 'test', prefix: secret.slice(0, 9), keyHash: sha256(secret), permissions: {} }),
  );
  return secret;
}
