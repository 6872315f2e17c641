// Shared set-up of the SMS integration tests: an app on a fresh database, the fake Kavenegar, a scheduler
// on the app's controllable clock, and every SMS log line kept for inspection.
import { startScheduler, type Scheduler } from '../../../platform/jobs/index.js';
import { bearer, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { setSmsLogger } from '../sms-runtime.js';
import { startFakeKavenegar, type FakeKavenegar } from './fake-kavenegar.js';

export const API_KEY = '6B7A2F3E4D5C6B7A8F9E0D1C2B3A4F5E6D7C8B9A';

export type SmsTestbed = {
  t: TestApp;
  fake: FakeKavenegar;
  scheduler: Scheduler;
  logLines: string[];
  call: ReturnType<typeof caller>;
  /** Runs due jobs until none is left at the current clock time. */
  drain: () => Promise<number>;
  close: () => Promise<void>;
};

const caller = (t: TestApp) => (method: string, url: string, payload?: unknown, token = t.adminToken) =>
  t.app.inject({ method: method as 'GET', url, headers: bearer(token), ...(payload !== undefined ? { payload: payload as object } : {}) });

export async function smsTestbed(): Promise<SmsTestbed> {
  const t = await createTestApp();
  const fake = await startFakeKavenegar({ apiKey: API_KEY });
  const logLines: string[] = [];
  const keep = (level: string) => (obj: Record<string, unknown>, msg: string) => { logLines.push(`${level} ${msg} ${JSON.stringify(obj)}`); };
  setSmsLogger({ info: keep('info'), warn: keep('warn') });
  const scheduler = await startScheduler({ database: t.app.database, workerId: 'sms-test', now: () => t.clock.now, autoRun: false, onError: () => undefined });
  const call = caller(t);
  const drain = async () => {
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const n = await scheduler.runDueOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  };
  return { t, fake, scheduler, logLines, call, drain, close: async () => { await scheduler.stop(); await fake.close(); await t.close(); } };
}

/** Kavenegar through the fake, with a 1-second timeout so a hanging gateway is cut off quickly. */
export async function useKavenegar(b: SmsTestbed, extra: Record<string, unknown> = {}) {
  const res = await b.call('PUT', '/api/sms/settings', {
    gateway: 'kavenegar', timeoutSeconds: 1, kavenegar: { apiKey: API_KEY, sender: '۱۰۰۰۴۳۴۶', baseUrl: b.fake.baseUrl }, ...extra,
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
}
