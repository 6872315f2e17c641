import { describe, expect, it } from 'vitest';
import { imageMimeOf, imageRefusal } from '../domain/image-signature.js';

const b = (...x: (number | string)[]) => Buffer.concat(x.map((v) => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))));

describe('product image signatures', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(imageMimeOf(b(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(imageMimeOf(b(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(imageMimeOf(b('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
    expect(imageMimeOf(b('RIFF', 0, 0, 0, 0, 'WAVEfmt '))).toBeNull(); // a RIFF sound is not an image
    expect(imageMimeOf(b('GIF89a'))).toBeNull();
    expect(imageMimeOf(b(0x89, 'PN'))).toBeNull(); // cut short
  });

  it('says why a renamed file is refused: empty, executable, text or another format', () => {
    expect(imageRefusal(b(0xff, 0xd8, 0xff, 0xdb), 'a.jpg')).toBeNull();
    expect(imageRefusal(Buffer.alloc(0), 'a.jpg')?.reason).toBe('empty');
    expect(imageRefusal(b(0x7f, 'ELF', 2, 1, 1, 0), 'photo.jpg')).toEqual({ reason: 'executable', message: 'فایل «photo.jpg» برنامه اجرایی است، نه تصویر؛ فقط تصویر JPEG، PNG یا WebP پذیرفته می‌شود' });
    expect(imageRefusal(b('MZ', 0x90, 0), 'setup.jpg')?.reason).toBe('executable');
    expect(imageRefusal(b('#!/bin/sh\necho'), 'run.jpg')?.reason).toBe('executable');
    expect(imageRefusal(Buffer.from('سلام، این متن است'), 'note.jpg')?.reason).toBe('text');
    expect(imageRefusal(b('GIF89a', 0, 0, 1, 0), 'anim.gif')?.reason).toBe('other');
  });
});
