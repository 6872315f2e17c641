// What the SMS jobs need from the running app but cannot get from a job's helpers: the key that opens
// stored gateway secrets, and a logger. The module's plugin sets both when the app is built.
import type { SecretBox } from '../../platform/crypto/secret-box.js';

export type SmsLogger = {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
};

let box: SecretBox | null = null;
let logger: SmsLogger = { info: () => undefined, warn: () => undefined };

export const setSmsSecretBox = (b: SecretBox) => { box = b; };
export function smsSecretBox(): SecretBox {
  if (!box) throw new Error('The SMS module is not initialised (no secret key)');
  return box;
}

export const setSmsLogger = (l: SmsLogger) => { logger = l; };
export const smsLog = (): SmsLogger => logger;
