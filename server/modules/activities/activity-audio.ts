import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { toPersianDigits } from '../../../common/text.js';
import type { Ctx } from '../../platform/context.js';
import { inTenant } from '../../platform/db/transactions.js';
import { AppError, fieldError } from '../../platform/http/app-error.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { saveFile } from '../../platform/files/files.service.js';
import { activities } from './activities.table.js';
import { loadInScope, readActivity } from './activities.service.js';

/** What file-type reports for mp3 (ID3 or frame sync), wav (RIFF), ogg/opus, m4a (ftyp), amr and webm. */
export const AUDIO_MIMES = [
  'audio/mpeg', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/ogg; codecs=opus', 'audio/opus', 'audio/x-m4a', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/webm', 'video/webm',
] as const;
const EXECUTABLES = new Set(['application/x-elf', 'application/x-msdownload', 'application/x-mach-binary', 'application/x-sharedlib', 'application/x-executable', 'application/wasm', 'application/x-dosexec']);

const refuse = (message: string) => new AppError('unsupported_media_type', { detail: `${message}.`, errors: [{ path: 'audio', message }] });

/** Judges the bytes, never the name: a program renamed .mp3 is refused as what it is. */
export async function checkAudioBytes(buffer: Buffer): Promise<string> {
  if (!buffer.length) throw fieldError('audio', 'فایل صوتی خالی است');
  const type = await fileTypeFromBuffer(buffer);
  if (type && EXECUTABLES.has(type.mime)) throw refuse('این فایل یک برنامه اجرایی است، نه فایل صوتی؛ پذیرفته نمی‌شود');
  if (!type || !(AUDIO_MIMES as readonly string[]).includes(type.mime)) throw refuse('فایل صوتی باید از نوع mp3، wav، ogg، m4a، amr یا webm باشد');
  return type.mime;
}

export const audioLimitMessage = (maxBytes: number) => `حجم فایل صوتی نباید بیش از ${toPersianDigits(+(maxBytes / 1024 / 1024).toFixed(1))} مگابایت باشد`;

/** Attaches (or replaces) the recording of a call; the bytes are checked before anything is written. */
export async function attachAudio(ctx: Ctx, id: string, upload: { buffer: Buffer; filename: string }) {
  await checkAudioBytes(upload.buffer);
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadInScope(tx, ctx, id, 'activities.edit');
    if (before.kind !== 'call') throw fieldError('audio', 'فایل صوتی فقط برای فعالیت‌های از نوع تماس ثبت می‌شود');
    const file = await saveFile(tx, ctx, { buffer: upload.buffer, filename: upload.filename || 'call-recording', accept: AUDIO_MIMES, ownerEntity: 'activity', ownerId: id });
    await tx.update(activities).set({ audioFileId: file.id, version: before.version + 1, updatedAt: ctx.now() }).where(eq(activities.id, id));
    await recordAudit(tx, ctx, { entity: 'activity', entityId: id, action: 'update', before: { audioFileId: before.audioFileId }, after: { audioFileId: file.id } });
    return readActivity(tx, ctx, id);
  });
}

export async function removeAudio(ctx: Ctx, id: string) {
  return inTenant(ctx.db, ctx, async (tx) => {
    const before = await loadInScope(tx, ctx, id, 'activities.edit');
    if (before.audioFileId) {
      await tx.update(activities).set({ audioFileId: null, version: before.version + 1, updatedAt: ctx.now() }).where(eq(activities.id, id));
      await recordAudit(tx, ctx, { entity: 'activity', entityId: id, action: 'update', before: { audioFileId: before.audioFileId }, after: { audioFileId: null } });
    }
    return readActivity(tx, ctx, id);
  });
}
