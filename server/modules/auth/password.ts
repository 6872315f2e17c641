import { hash, verify } from '@node-rs/argon2';

// argon2id is the library default; these are OWASP's minimum recommended costs.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified when the user does not exist so both cases take the same time. */
let dummy: string | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= await hashPassword('not-a-real-password-' + Math.random());
  await verifyPassword(dummy, password);
}
