import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'crmk_';

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const newApiKeySecret = () => API_KEY_PREFIX + newToken(30);
