// Turning a raw vCard value into text: transfer encoding (quoted-printable), character set, escapes,
// compound values (N, ADR, ORG), and the date forms of BDAY.
import { decodeWithCharset } from './decode-text.js';
import type { VcfProperty } from './vcf-lines.js';

export type DecodeContext = {
  /**
   * true when the file was read byte-for-byte as latin1 (from a Buffer): each value is then decoded
   * with its own CHARSET, or the file's encoding. false when the caller passed a decoded string.
   */
  byteMode: boolean;
  /** The file's encoding, used when a value names no CHARSET (byte mode only). */
  defaultCharset: string;
};

/** Decoded text of a property, or null for binary data (base64 photos, keys), which is ignored. */
export function propertyText(prop: VcfProperty, ctx: DecodeContext): string | null {
  const { encoding, charset } = prop.params;
  if (encoding === 'base64' || encoding === 'b') return null;
  if (encoding === 'quoted-printable') {
    // QP is ASCII; its =XX bytes are in CHARSET (2.1 default is ASCII, but real files mean UTF-8 or
    // the phone's code page, and UTF-8 is a superset of ASCII).
    return decodeWithCharset(quotedPrintableBytes(prop.raw, ctx.byteMode), charset ?? (ctx.byteMode ? ctx.defaultCharset : 'utf-8'));
  }
  if (!ctx.byteMode) return prop.raw;
  return decodeWithCharset(Buffer.from(prop.raw, 'latin1'), charset ?? ctx.defaultCharset);
}

function quotedPrintableBytes(raw: string, byteMode: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw[i] === '=' ? raw.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = raw.codePointAt(i) ?? 0;
    if (byteMode || code < 0x80) out.push(code & 0xff);
    else {
      // A non-ASCII character inside QP (a broken writer): keep it as the UTF-8 it was decoded from.
      const char = String.fromCodePoint(code);
      out.push(...Buffer.from(char, 'utf8'));
      i += char.length - 1;
    }
  }
  return Uint8Array.from(out);
}

/**
 * Text escapes of 3.0/4.0 (\, \; \n \\), plus \: and \" which Apple and Google write (in URLs and
 * notes). Applied to 2.1 values too: their writers use \; in compound values, and a literal backslash
 * before n is rare in a contact.
 */
export function unescapeText(s: string): string {
  return s.replace(/\\([\\,;:"nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Components of N, ADR, ORG: split at unescaped ";" and unescape each. */
export function splitCompound(s: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === ';') {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => tidy(unescapeText(p)));
}

/** CRLF from quoted-printable → LF; outer spaces off. */
export function tidy(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

/**
 * BDAY → 'YYYY-MM-DD', or '--MM-DD' when the year is unknown (4.0 '--0203', the way phones store a
 * birthday without a year). Times and zones are dropped: a birthday is a date. Anything else is kept as
 * written (e.g. a Jalali 1370/05/12) for the date validator to accept or reject with a message.
 */
export function normalizeBirthDate(value: string): string {
  const s = value.trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s].*)?$/.exec(s);
  if (full) return `${full[1]}-${full[2]}-${full[3]}`;
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (noYear) return `--${noYear[1]}-${noYear[2]}`;
  return s;
}

/** 4.0 writes TEL as a URI (tel:+1-418-656-9254;ext=102); people want the number. */
export function phoneText(value: string): string {
  const s = value.trim().replace(/^tel:/i, '');
  const [number = '', ...params] = s.split(';');
  const ext = params.map((p) => /^ext=(.+)$/i.exec(p)?.[1]).find((e) => e !== undefined);
  return ext ? `${number} ext. ${ext}` : number;
}

export function emailText(value: string): string {
  return value.trim().replace(/^mailto:/i, '');
}
