import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/open-database.js';
import { createEventHub } from '../event-hub.js';
import { encodeEvent, type CrmEvent } from '../publish.js';

/** A database whose LISTEN hands its callback to the test, which plays PostgreSQL's NOTIFY. */
function fakeDatabase() {
  let notify: ((payload: string) => void) | null = null;
  const database = { listen: async (_channel: string, fn: (payload: string) => void) => ((notify = fn), async () => void (notify = null)) } as unknown as Database;
  return { database, notify: (e: CrmEvent) => notify!(encodeEvent(e)) };
}

describe('event hub', () => {
  it("delivers a person's event to that person's streams only, and a company-wide one to all its streams", async () => {
    const { database, notify } = fakeDatabase();
    const hub = createEventHub(database);
    await hub.start();
    const got: Record<string, string[]> = { a1: [], a2: [], b: [], key: [], other: [] };
    const sub = (name: string, tenantId: string, userId: string | null) => hub.subscribe({ tenantId, userId, send: (e) => got[name]!.push(String(e.data)) });
    sub('a1', 't1', 'ua');
    const closeA2 = sub('a2', 't1', 'ua'); // a second tab of the same person
    sub('b', 't1', 'ub');
    sub('key', 't1', null); // an API key
    sub('other', 't2', 'ua'); // the same user id in another company
    notify({ tenantId: 't1', userId: 'ua', type: 'notification', data: 'for-a' });
    notify({ tenantId: 't1', userId: null, type: 'announcement', data: 'for-all' });
    notify({ tenantId: 't1', userId: 'nobody', type: 'notification', data: 'for-no-one' });
    expect(got).toEqual({ a1: ['for-a', 'for-all'], a2: ['for-a', 'for-all'], b: ['for-all'], key: ['for-all'], other: [] });
    expect(hub.connectionCount({ tenantId: 't1', userId: 'ua' })).toBe(2);

    closeA2();
    notify({ tenantId: 't1', userId: 'ua', type: 'notification', data: 'again' });
    expect(got.a1!.at(-1)).toBe('again');
    expect(got.a2).toEqual(['for-a', 'for-all']);
    expect(hub.connectionCount()).toBe(4);
    expect(hub.connectionCount({ tenantId: 't1' })).toBe(3);
    await hub.stop();
    expect(hub.connectionCount()).toBe(0);
  });

  it('keeps delivering to the other streams when one throws', async () => {
    const { database, notify } = fakeDatabase();
    const hub = createEventHub(database);
    await hub.start();
    const got: string[] = [];
    hub.subscribe({ tenantId: 't1', userId: 'u', send: () => { throw new Error('socket closed'); } });
    hub.subscribe({ tenantId: 't1', userId: 'u', send: (e) => got.push(String(e.data)) });
    notify({ tenantId: 't1', userId: 'u', type: 'notification', data: 'x' });
    expect(got).toEqual(['x']);
  });
});
