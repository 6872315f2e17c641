import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeChunks, decodeText } from '../decode-text.js';

const PERSIAN = 'نام,نام خانوادگی\nژاله,گلچین‌پور';

describe('decodeText', () => {
  it('UTF-8 stays UTF-8; a BOM is removed and reported', () => {
    expect(decodeText(Buffer.from(PERSIAN))).toEqual({ text: PERSIAN, encoding: 'utf-8', bom: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PERSIAN)]))).toEqual({
      text: PERSIAN,
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('invalid UTF-8 is read as Windows-1256 (Persian Excel "CSV")', () => {
    const text = 'نام,شهر\nژاله,کرمانشاه';
    expect(decodeText(iconv.encode(text, 'win1256'))).toEqual({ text, encoding: 'windows-1256', bom: false });
  });

  it('UTF-16LE and UTF-16BE with a BOM (Excel "Unicode Text")', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PERSIAN, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: PERSIAN, encoding: 'utf-16le', bom: true });
    const be = iconv.encode(PERSIAN, 'utf16be', { addBOM: true });
    expect(be[0]).toBe(0xfe);
    expect(decodeText(be)).toEqual({ text: PERSIAN, encoding: 'utf-16be', bom: true });
  });

  it('decodeChunks keeps a character split across two chunks whole', () => {
    const bytes = Buffer.from('ژ'.repeat(100)); // 2 bytes each: an odd chunk size splits them
    expect([...decodeChunks(bytes, 'utf-8', 7)].join('')).toBe('ژ'.repeat(100));
    const utf16 = Buffer.from('پ'.repeat(50), 'utf16le');
    expect([...decodeChunks(utf16, 'utf-16le', 3)].join('')).toBe('پ'.repeat(50));
  });
});

describe('decodeText: mixed evidence', () => {
  it('a UTF-8 file with one stray byte stays UTF-8 (one replacement character, not a garbled file)', () => {
    const bytes = Buffer.concat([Buffer.from('نام,شهر\nعلی,تهران\n'), Buffer.from([0xe9]), Buffer.from('\nرضا,قم\n')]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-8');
    expect(text).toBe('نام,شهر\nعلی,تهران\n\uFFFD\nرضا,قم\n');
  });

  it('Persian Windows-1256 text with accidental UTF-8-looking pairs is still Windows-1256', () => {
    const text = 'شک,سگ,بگو,شکر,دکتر,سکه\nکتاب,گل,پدر,چای,ژاله,مشکی\n';
    expect(decodeText(iconv.encode(text.replace(/ی/g, 'ي'), 'win1256')).encoding).toBe('windows-1256');
  });
});
