// What a product image file really is, read from its first bytes (magic numbers). The name and the
// declared type come from the client and prove nothing: a program renamed «photo.jpg» stays a program.

export const PRODUCT_IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ProductImageMime = (typeof PRODUCT_IMAGE_MIMES)[number];

const bytesOf = (ascii: string) => [...ascii].map((c) => c.charCodeAt(0));
const PNG = [0x89, ...bytesOf('PNG'), 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const EXECUTABLES = [
  [0x7f, ...bytesOf('ELF')], // Linux
  bytesOf('MZ'), // Windows .exe / .dll
  bytesOf('#!'), // scripts
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** JPEG, PNG or WebP by signature; anything else is null. */
export function imageMimeOf(bytes: Uint8Array): ProductImageMime | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, bytesOf('RIFF')) && startsWith(bytes, bytesOf('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Text has no NUL bytes and decodes as UTF-8 (the first KB is enough to tell). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (head.includes(0)) return false;
  try {
    // stream: a character cut at the 1 KB edge is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: bytes.length > head.length });
    return true;
  } catch {
    return false;
  }
}

export type ImageRefusal = { reason: 'empty' | 'executable' | 'text' | 'other'; message: string };

/** Why these bytes are not an acceptable product image (a Persian message for the `image` field), or null. */
export function imageRefusal(bytes: Uint8Array, filename: string): ImageRefusal | null {
  if (bytes.length === 0) return { reason: 'empty', message: 'فایل تصویر خالی است' };
  if (imageMimeOf(bytes)) return null;
  const name = filename ? `«${filename}» ` : '';
  const only = 'فقط تصویر JPEG، PNG یا WebP پذیرفته می‌شود';
  if (EXECUTABLES.some((sig) => startsWith(bytes, sig))) return { reason: 'executable', message: `فایل ${name}برنامه اجرایی است، نه تصویر؛ ${only}` };
  if (looksLikeText(bytes)) return { reason: 'text', message: `فایل ${name}متنی است، نه تصویر؛ ${only}` };
  return { reason: 'other', message: `فایل ${name}تصویر نیست یا قالبش پذیرفته نیست؛ ${only}` };
}
