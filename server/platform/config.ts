import { resolve } from 'node:path';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminUser: string;
  adminPassword: string | null;
  sessionDays: number;
  maxUploadBytes: number;
  /** Call recordings on activities (MAX_AUDIO_MB, default 20); may exceed the general upload limit. */
  maxAudioBytes: number;
  logLevel: string;
  secureCookies: boolean;
  secretKey: string | null;
};

const int = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    adminUser: env.CRM_ADMIN_USER || 'admin',
    adminPassword: env.CRM_ADMIN_PASSWORD || null,
    sessionDays: int(env.SESSION_DAYS, 30),
    maxUploadBytes: int(env.MAX_UPLOAD_MB, 10) * 1024 * 1024,
    maxAudioBytes: int(env.MAX_AUDIO_MB, 20) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.COOKIE_SECURE === 'true',
    secretKey: env.CRM_SECRET_KEY || null,
  };
}
