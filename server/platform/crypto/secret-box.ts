// Encryption of stored secrets (gateway API keys, tokens): AES-256-GCM with a random 96-bit nonce per value
// and the owner as additional authenticated data, so a sealed value copied to another tenant's row or field
// does not open. The key comes from CRM_SECRET_KEY, or a key file generated once in the data directory.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type SecretBox = {
  /** `context` names the owner (e.g. `sms:<tenant id>`); the same context is needed to open. */
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
};

const VERSION = 'v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
export const KEY_FILE = 'secret.key';

export class SecretBoxError extends Error {}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`The secret key must be ${KEY_BYTES} bytes`);
  return {
    seal(plain, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, context) {
      const [version, nonce, tag, body] = sealed.split('.');
      if (version !== VERSION || !nonce || !tag || body === undefined) throw new SecretBoxError('Not a sealed secret');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        // Never echo the value; the usual cause is a changed CRM_SECRET_KEY or a lost key file.
        throw new SecretBoxError('A stored secret cannot be decrypted (was CRM_SECRET_KEY or data/secret.key changed?)');
      }
    },
  };
}

/** A configured key: 64 hex digits or base64 of 32 bytes as is; any other text of 16+ characters is stretched with scrypt. */
export function keyFromText(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t, 'base64');
    if (b.length === KEY_BYTES) return b;
  }
  if (t.length < 16) throw new SecretBoxError('CRM_SECRET_KEY is too short: use at least 16 characters (e.g. `openssl rand -base64 32`)');
  return scryptSync(t, 'persian-crm/secret-box/v1', KEY_BYTES);
}

/**
 * The key of this installation: CRM_SECRET_KEY when set (required when several servers share one PostgreSQL),
 * otherwise `<dataDir>/secret.key`, created on first use with owner-only permissions.
 */
export function loadSecretKey(opts: { secretKey: string | null; dataDir: string }): Buffer {
  if (opts.secretKey) return keyFromText(opts.secretKey);
  const file = join(opts.dataDir, KEY_FILE);
  try {
    // 'wx': two processes starting together cannot both write a key; the loser reads the winner's.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new SecretBoxError(`${file} does not hold a ${KEY_BYTES}-byte base64 key`);
  return key;
}

/** The last characters of a secret, enough for a person to recognise which key is stored. */
export const secretHint = (secret: string, visible = 4): string => (secret.length <= visible * 2 ? '' : secret.slice(-visible));
