import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, keyFromText, KEY_FILE, loadSecretKey, secretHint } from '../secret-box.js';

const box = createSecretBox(randomBytes(32));

describe('secret box (AES-256-GCM)', () => {
  it('round-trips Persian and Latin text; the sealed form does not contain it and differs each time', () => {
    const secret = '4F6B2D7A-کلید-1234';
    const a = box.seal(secret, 'sms:t1');
    const b = box.seal(secret, 'sms:t1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('4F6B2D7A');
    expect(a.startsWith('v1.')).toBe(true);
    expect(box.open(a, 'sms:t1')).toBe(secret);
    expect(box.open(box.seal('', 'x'), 'x')).toBe('');
  });

  it('refuses another context (a value moved to another tenant), a tampered value and another key', () => {
    const sealed = box.seal('api-key', 'sms:t1');
    expect(() => box.open(sealed, 'sms:t2')).toThrow(/cannot be decrypted/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], body.toString('base64url')].join('.'), 'sms:t1')).toThrow(/cannot be decrypted/);
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'sms:t1')).toThrow(/cannot be decrypted/);
    expect(() => box.open('plain text', 'sms:t1')).toThrow(/Not a sealed secret/);
    // The error never carries the plaintext.
    try { box.open(sealed, 'other'); } catch (err) { expect(String(err)).not.toContain('api-key'); }
  });

  it('takes a configured key as hex, as base64, or stretches a passphrase; refuses a short one', () => {
    const raw = randomBytes(32);
    expect(keyFromText(raw.toString('hex')).equals(raw)).toBe(true);
    expect(keyFromText(raw.toString('base64')).equals(raw)).toBe(true);
    const stretched = keyFromText('a long enough passphrase for tests');
    expect(stretched).toHaveLength(32);
    expect(keyFromText('a long enough passphrase for tests').equals(stretched)).toBe(true);
    expect(() => keyFromText('short')).toThrow(/too short/);
  });

  it('without CRM_SECRET_KEY generates one key file (0600) in the data dir and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-key-'));
    const first = loadSecretKey({ secretKey: null, dataDir: dir });
    const file = join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ secretKey: null, dataDir: dir }).equals(first)).toBe(true);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    // The environment wins over the file.
    const env = randomBytes(32);
    expect(loadSecretKey({ secretKey: env.toString('hex'), dataDir: dir }).equals(env)).toBe(true);
    writeFileSync(file, 'not a key\n');
    expect(() => loadSecretKey({ secretKey: null, dataDir: dir })).toThrow(/32-byte/);
  });

  it('hints only at the last 4 characters, and nothing of a short secret', () => {
    expect(secretHint('ABCDEFGHIJKL1234')).toBe('1234');
    expect(secretHint('short')).toBe('');
  });
});
