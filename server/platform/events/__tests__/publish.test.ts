import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent, MAX_EVENT_BYTES } from '../publish.js';

const base = { tenantId: 't1', userId: 'u1', type: 'notification' };

describe('event encoding', () => {
  it('round-trips through the NOTIFY payload', () => {
    const e = { ...base, data: { id: 'n1', title: 'سلام' } };
    expect(decodeEvent(encodeEvent(e))).toEqual(e);
    expect(decodeEvent(encodeEvent({ ...e, userId: null }))).toEqual({ ...e, userId: null });
  });

  it('refuses payloads PostgreSQL would reject, counting bytes not characters', () => {
    const persian = 'ش'.repeat(Math.ceil(MAX_EVENT_BYTES / 2)); // 2 bytes each in UTF-8
    expect(() => encodeEvent({ ...base, data: { title: persian } })).toThrow(/send ids/);
  });

  it('refuses event types that would break the SSE framing', () => {
    expect(() => encodeEvent({ ...base, type: 'x\ndata: injected', data: null })).toThrow(/Invalid event type/);
    expect(decodeEvent('{"t":"t1","u":null,"e":"bad type","d":1}')).toBeNull();
    expect(decodeEvent('not json')).toBeNull();
  });
});
