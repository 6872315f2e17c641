import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELF_EXECUTABLE, WINDOWS_EXECUTABLE } from '../../../test-support/tiny-images.js';
import { activitiesFixture, type Fixture } from './activities-fixture.js';

let f: Fixture;
beforeAll(async () => { f = await activitiesFixture(); });
afterAll(async () => { await f?.close(); });

/** A real (silent) WAV: RIFF header, 8 kHz mono 16-bit PCM. */
function wav(samples = 800) {
  const data = Buffer.alloc(samples * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8); h.write('fmt ', 12); h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(8000, 24); h.writeUInt32LE(16000, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36); h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}
/** An MP3 as phones save it: an ID3v2 tag, then MPEG-1 Layer III frames. */
function mp3() {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
  return Buffer.concat([id3, frame, frame, frame]);
}

function multipart(bytes: Buffer, filename: string) {
  const boundary = 'ActivityAudioBoundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="${filename}"\r\nContent-Type: audio/mpeg\r\n\r\n`),
    bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { ...f.h, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (id: string, bytes: Buffer, filename = 'call.mp3') => {
  const { payload, headers } = multipart(bytes, filename);
  return f.t.app.inject({ method: 'PUT', url: `/api/activities/${id}/audio`, headers, payload });
};

describe('call recordings', () => {
  it('accepts a small mp3 and a wav (judged by content) and serves them to whoever sees the call', async () => {
    const call = await f.activity({ subject: 'تماس ضبط‌شده' });
    const a = await upload(call.id, mp3());
    expect(a.statusCode).toBe(200);
    expect(a.json().audioFileId).toBeTruthy();
    const file = await f.api('GET', `/api/files/${a.json().audioFileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('audio/mpeg');
    const b = await upload(call.id, wav(), 'recording.wav');
    expect(b.statusCode).toBe(200);
    expect((await f.api('GET', `/api/files/${b.json().audioFileId}`)).headers['content-type']).toContain('audio/wav');
    const history = await f.auditOf(call.id);
    expect(history[0]!.changes).toEqual([{ field: 'audioFileId', before: a.json().audioFileId, after: b.json().audioFileId }]);
  });

  it('refuses an executable renamed .mp3 (ELF and Windows MZ) with a Persian message on the field, writing nothing', async () => {
    const call = await f.activity({ subject: 'تماس با فایل مشکوک' });
    for (const exe of [ELF_EXECUTABLE, WINDOWS_EXECUTABLE]) {
      const res = await upload(call.id, exe, 'voice.mp3');
      expect(res.statusCode).toBe(415);
      expect(res.json().errors[0]).toEqual({ path: 'audio', message: 'این فایل یک برنامه اجرایی است، نه فایل صوتی؛ پذیرفته نمی‌شود' });
    }
    const text = await upload(call.id, Buffer.from('just some text, not a recording'), 'voice.mp3');
    expect(text.json().errors[0].message).toBe('فایل صوتی باید از نوع mp3، wav، ogg، m4a، amr یا webm باشد');
    expect((await f.ok('GET', `/api/activities/${call.id}`)).audioFileId).toBeNull();
    expect((await f.auditOf(call.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a recording over the configured limit (413, the limit in Persian) and one on a meeting', async () => {
    const call = await f.activity({ subject: 'تماس طولانی' });
    const limit = f.t.app.config.maxAudioBytes;
    f.t.app.config.maxAudioBytes = 64 * 1024;
    try {
      const big = await upload(call.id, Buffer.concat([mp3(), Buffer.alloc(200 * 1024)]));
      expect(big.statusCode).toBe(413);
      expect(big.json().errors[0]).toEqual({ path: 'audio', message: 'حجم فایل صوتی نباید بیش از ۰.۱ مگابایت باشد' });
    } finally {
      f.t.app.config.maxAudioBytes = limit;
    }
    expect((await f.ok('GET', `/api/activities/${call.id}`)).audioFileId).toBeNull();
    const meeting = await f.ok('POST', '/api/activities', { typeId: f.typeId('جلسه'), subject: 'جلسه', startsAt: '1403/12/20 10:00' });
    const res = await upload(meeting.id, mp3());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ path: 'audio', message: 'فایل صوتی فقط برای فعالیت‌های از نوع تماس ثبت می‌شود' });
  });
});
