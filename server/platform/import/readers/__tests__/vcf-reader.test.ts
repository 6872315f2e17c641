import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect-format.js';
import { ImportFileError } from '../errors.js';
import { readVcf, VCF_HEADERS } from '../vcf-reader.js';
import { importError, record } from './helpers.js';

// Copies of /work/shared/fixtures/vcards (ez-vcard test resources, BSD: see LICENSE-ez-vcard.txt),
// kept here so the tests run on any machine.
const FIXTURES = fileURLToPath(new URL('./fixtures/vcards/', import.meta.url));
const SHARED = '/work/shared/fixtures/vcards';
const fixtureNames = readdirSync(FIXTURES).sort();
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const card = (name: string, index = 0) => {
  const table = readVcf(fixture(name));
  return record(table.headers, table.rows[index]);
};

describe('readVcf on real exports', () => {
  it.skipIf(!existsSync(SHARED))('has a current copy of every shared fixture', () => {
    for (const name of readdirSync(SHARED)) {
      expect(fixtureNames, name).toContain(name);
      expect(fixture(name).equals(readFileSync(join(SHARED, name))), name).toBe(true);
    }
  });

  it.each(fixtureNames.filter((n) => n.endsWith('.vcf')))('%s: reads, with at least one named contact', (name) => {
    const bytes = fixture(name);
    expect(detectFormat(bytes, name)).toBe('vcf');
    const table = readVcf(bytes);
    expect(table.headers).toEqual([...VCF_HEADERS]);
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) expect(row.values).toHaveLength(VCF_HEADERS.length);
    const named = table.rows.filter((r) => record(table.headers, r).fullName !== '');
    expect(named.length).toBeGreaterThan(0);
    // The decoded string gives the same result as the bytes for these UTF-8/ASCII files.
    expect(readVcf(bytes.toString('utf8')).rows).toEqual(table.rows);
  });

  it('the licence file in the folder is text, not a vCard, and is refused as one', async () => {
    const bytes = fixture('LICENSE-ez-vcard.txt');
    expect(detectFormat(bytes, 'LICENSE-ez-vcard.txt')).toBe('csv');
    await importError(() => readVcf(bytes), 'malformed_file');
  });

  it('iPhone (vCard 3.0, CR CR LF line ends, type=… parameters, item groups, base64 photo)', () => {
    expect(card('John_Doe_IPHONE.vcf')).toEqual({
      fullName: 'Mr. John Richter James Doe Sr.',
      firstName: 'John',
      lastName: 'Doe',
      organization: 'IBM',
      title: 'Money Counter',
      mobile: '905-555-1234',
      phone: '905-666-1234 / 905-777-1234 / 905-111-1234 / 905-222-1234',
      fax: '905-888-1234 / 905-999-1234',
      email: 'john.doe@ibm.com',
      address: 'Silicon Alley 5,', // the type=pref address, not the first work one
      city: 'New York',
      province: 'New York',
      postalCode: '12345',
      country: 'United States of America',
      birthDate: '2012-06-06',
      note: '',
      url: 'http://www.ibm.com', // http\://… unescaped
    });
  });

  it('Outlook 2003 (2.1): quoted-printable note with soft line breaks, bare TYPE parameters, base64 key', () => {
    const c = card('outlook-2003.vcf');
    expect(c.note).toBe('This is the note field!!\nSecond line\n\nThird line is empty');
    expect(c).toMatchObject({
      fullName: 'John Doe III',
      mobile: 'MobilePhone', // TEL;CELL;VOICE
      phone: 'BusinessPhone / HomePhone',
      fax: 'BusinessFaxPhone',
      email: 'jdoe@hotmail.com', // after the blank-line-terminated base64 KEY
      organization: 'Company, The',
      birthDate: '1980-03-21', // 19800321
    });
  });

  it('Outlook 2007 (2.1): QUOTED-PRINTABLE with CHARSET=us-ascii spanning several lines', () => {
    const c = card('outlook-2007.vcf');
    expect(c.note).toBe(
      "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
    );
    expect(c).toMatchObject({ fullName: 'Mr. Michael Angstadt Jr.', mobile: '(111) 555-4444', email: 'mike.angstadt@gmail.com' });
  });

  it('Android (2.1): QP UTF-8 names split by soft line breaks, several cards, a broken =80 byte', () => {
    const table = readVcf(fixture('John_Doe_ANDROID.vcf'));
    expect(table.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(record(table.headers, table.rows[0]).email).toBe('john.doe@company.com');
    const fourth = record(table.headers, table.rows[3]);
    expect(fourth.fullName).toBe(Array(11).fill('Ñ').join(' '));
    expect(fourth.mobile).toBe('123456'); // first of two TEL;CELL
    expect(fourth.phone).toBe('234567 / 3456789 / 45678901');
    const fifth = record(table.headers, table.rows[4]);
    expect(fifth).toMatchObject({ firstName: 'Ñ Ñ Ñ', lastName: 'Ñ Ñ', email: 'bob@company.com', url: 'www.company.com' });
    expect(fifth.fax).toBe('123456');
  });

  it('RFC 6350 example (4.0): quoted TYPE list, tel: URI, --MMDD birthday', () => {
    expect(card('rfc6350-example.vcf')).toMatchObject({
      fullName: 'Simon Perreault',
      firstName: 'Simon',
      lastName: 'Perreault',
      organization: 'Viagenie',
      mobile: '+1-418-262-6501', // TYPE="work,cell,voice,video,text"
      phone: '+1-418-656-9254 ext. 102',
      email: 'simon.perreault@viagenie.ca',
      address: '2875 Laurier, Suite D2-630',
      city: 'Quebec',
      postalCode: 'G1V 2M2',
      country: 'Canada',
      birthDate: '--02-03',
    });
  });

  it('RFC 2426 example: two cards, "BEGIN:vCard", LF only, a compound value folded mid-component', () => {
    const table = readVcf(fixture('rfc2426-example.vcf'));
    expect(table.rows.map((r) => record(table.headers, r).fullName)).toEqual(['Frank Dawson', 'Tim Howes']);
    expect(record(table.headers, table.rows[0])).toMatchObject({
      address: '6544 Battleford Drive',
      city: 'Raleigh',
      postalCode: '27613-3502',
      email: 'Frank_Dawson@Lotus.com', // TYPE=INTERNET,PREF
      fax: '+1-919-676-9564',
    });
    expect(record(table.headers, table.rows[1]).postalCode).toBe('94043');
  });

  it('Evolution: values folded in the middle of a phone number and an e-mail, escaped commas', () => {
    expect(card('John_Doe_EVOLUTION.vcf')).toMatchObject({
      fullName: 'Mr. John Richter, James Doe Sr.',
      mobile: '905-666-1234',
      phone: '905-555-1234',
      email: 'john.doe@ibm.com',
      country: 'United States of America',
      birthDate: '1980-03-22',
    });
  });

  it('Gmail, Mac, Lotus, BlackBerry, Thunderbird, fullcontact: spot checks', () => {
    const gmail = card('John_Doe_GMAIL.vcf');
    expect(gmail.note).toMatch(/^THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"/);
    expect(gmail.note).toMatch(/\nFavotire Color: Blue$/);
    expect(gmail.url).toBe('http://www.ibm.com');
    expect(card('John_Doe_MAC_ADDRESS_BOOK.vcf')).toMatchObject({ mobile: '905-555-1234', fullName: 'Mr. John Richter,James Doe Sr.' });
    expect(card('John_Doe_LOTUS_NOTES.vcf')).toMatchObject({
      mobile: '+1 (212) 204-34456',
      fax: '00-1-212-555-7777',
      email: 'john.doe@ibm.com',
      postalCode: 'NYC887',
      birthDate: '1980-05-21',
    });
    expect(card('John_Doe_BLACK_BERRY.vcf')).toMatchObject({ fullName: 'John Doe', mobile: '+96123456789', organization: 'Acme Solutions' });
    expect(card('thunderbird-MoreFunctionsForAddressBook-extension.vcf')).toMatchObject({
      firstName: 'John',
      lastName: 'Doe',
      mobile: '555-555-5555',
      note: 'This is the notes field.\nSecond Line\n\nFourth Line\nYou can put anything in the "note" field; even curse words.',
    });
    expect(card('fullcontact.vcf')).toMatchObject({ mobile: '555-555-1113', birthDate: '2016-08-01', email: 'home@example.com' });
    expect(readVcf(fixture('gmail-list.vcf')).rows).toHaveLength(3);
  });

  it('never crashes on a cut-off or damaged file: rows or an ImportFileError, nothing else', () => {
    for (const name of fixtureNames.filter((n) => n.endsWith('.vcf'))) {
      const bytes = fixture(name);
      for (const cut of [1, 7, 13, 50, 97, 333, 1000, 4096, bytes.length - 3]) {
        for (const input of [bytes.subarray(0, cut), bytes.subarray(cut)]) {
          try {
            readVcf(input);
          } catch (err) {
            expect(err, `${name} @${cut}`).toBeInstanceOf(ImportFileError);
          }
        }
      }
    }
  });
});

describe('readVcf: vCard features on Persian contacts', () => {
  const read = (text: string) => {
    const table = readVcf(text);
    return table.rows.map((r) => record(table.headers, r));
  };

  it('2.1 QUOTED-PRINTABLE + CHARSET=UTF-8 Persian name, with a soft line break', () => {
    const qp = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const family = qp('رضایی');
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${family.slice(0, 12)}=`,
      `${family.slice(12)};${qp('علی')};;;`,
      `FN;CHARSET=UTF-8;QUOTED-PRINTABLE:${qp('علی رضایی')}`,
      'TEL;CELL:0912 123 4567',
      'END:VCARD',
    ].join('\r\n');
    expect(read(vcf)[0]).toMatchObject({ firstName: 'علی', lastName: 'رضایی', fullName: 'علی رضایی', mobile: '0912 123 4567' });
  });

  it('CHARSET=windows-1252 quoted-printable, and a whole file in Windows-1256 passed as bytes', () => {
    expect(read('BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=windows-1252;ENCODING=QUOTED-PRINTABLE:Jos=E9 M=FCller\nEND:VCARD')[0]?.fullName).toBe(
      'José Müller',
    );
    // Windows-1256 has no Persian ی (U+06CC): Persian Windows writes the Arabic ي, as here.
    const bytes = iconv.encode('BEGIN:VCARD\r\nVERSION:2.1\r\nFN:مريم کاظمي\r\nORG:پارس گستر\r\nEND:VCARD\r\n', 'win1256');
    const table = readVcf(bytes);
    expect(table.encoding).toBe('windows-1256');
    expect(record(table.headers, table.rows[0])).toMatchObject({ fullName: 'مريم کاظمي', organization: 'پارس گستر' });
  });

  it('UTF-16 with BOM, and a UTF-8 BOM, are read', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:سارا احمدی\r\nEND:VCARD\r\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(readVcf(utf16).rows[0]?.values[0]).toBe('سارا احمدی');
    expect(readVcf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).rows[0]?.values[0]).toBe('سارا احمدی');
  });

  it('TYPE in every spelling marks the mobile: TYPE=CELL, type=cell, TYPE="cell,voice", bare CELL, TYPE=work,CELL', () => {
    for (const tel of ['TEL;TYPE=CELL', 'TEL;type=cell', 'TEL;TYPE="cell,voice"', 'TEL;CELL', 'TEL;TYPE=work,CELL', 'item3.TEL;type=IPHONE']) {
      const [c] = read(`BEGIN:VCARD\nVERSION:3.0\nFN:x\nTEL;TYPE=HOME:021 8888 1234\n${tel}:09351112233\nEND:VCARD`);
      expect(c, tel).toMatchObject({ mobile: '09351112233', phone: '021 8888 1234' });
    }
  });

  it('an untyped Iranian mobile number is taken as the mobile; an Apple X-ABLabel can say "mobile"', () => {
    expect(read('BEGIN:VCARD\nVERSION:3.0\nFN:x\nTEL:02188881234\nTEL:+98 912 000 1122\nEND:VCARD')[0]).toMatchObject({
      mobile: '+98 912 000 1122',
      phone: '02188881234',
    });
    expect(
      read('BEGIN:VCARD\nVERSION:3.0\nFN:x\nitem1.TEL:5551234\nitem1.X-ABLabel:_$!<Mobile>!$_\nTEL:5559999\nEND:VCARD')[0],
    ).toMatchObject({ mobile: '5551234', phone: '5559999' });
  });

  it('escapes \\, \\; \\n and compound values', () => {
    const [c] = read(
      'BEGIN:VCARD\nVERSION:3.0\nN:کریمی\\, فرد;حسن;;;\nFN:حسن کریمی\nNOTE:خط اول\\nخط دوم\\; ادامه\nADR;TYPE=work:;واحد ۳;خیابان ولیعصر\\, پلاک ۱۲;تهران;تهران;1234567890;ایران\nEND:VCARD',
    );
    expect(c).toMatchObject({
      lastName: 'کریمی, فرد',
      note: 'خط اول\nخط دوم; ادامه',
      address: 'خیابان ولیعصر, پلاک ۱۲, واحد ۳',
      city: 'تهران',
      province: 'تهران',
      postalCode: '1234567890',
      country: 'ایران',
    });
  });

  it('BDAY forms: YYYY-MM-DD, YYYYMMDD, --MMDD, --MM-DD, with time, and free text kept as written', () => {
    const bday = (v: string) => read(`BEGIN:VCARD\nVERSION:4.0\nFN:x\nBDAY:${v}\nEND:VCARD`)[0]?.birthDate;
    expect(bday('1985-07-14')).toBe('1985-07-14');
    expect(bday('19850714')).toBe('1985-07-14');
    expect(bday('--0714')).toBe('--07-14');
    expect(bday('--07-14')).toBe('--07-14');
    expect(bday('1985-07-14T00:00:00Z')).toBe('1985-07-14');
    expect(bday('19850714T103000')).toBe('1985-07-14');
    expect(bday('1364/04/23')).toBe('1364/04/23');
  });

  it('folding with a tab, a nested 2.1 AGENT card, base64 without indentation, lines before BEGIN', () => {
    const vcf = [
      'junk before the card',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:نیما',
      '\t صالحی',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
      'AAAQABAAD/2wBDAAIBAQEBAQIBAQE',
      '',
      'AGENT:',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Secretary',
      'TEL;CELL:09120000000',
      'END:VCARD',
      'TEL;CELL:09125556677',
      'END:VCARD',
    ].join('\r\n');
    const rows = read(vcf);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fullName: 'نیما صالحی', mobile: '09125556677' });
  });

  it('a card without FN gets its name from N, then NICKNAME; empty cards are skipped but counted', () => {
    const table = readVcf(
      'BEGIN:VCARD\nVERSION:3.0\nN:محمدی;زهرا;;;\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nNICKNAME:Zizi\nEND:VCARD',
    );
    expect(table.rows.map((r) => [r.rowNumber, r.values[0]])).toEqual([
      [1, 'زهرا محمدی'],
      [3, 'Zizi'],
    ]);
  });

  it('a card missing its END:VCARD before the next BEGIN does not swallow the next card', () => {
    const rows = read('BEGIN:VCARD\nFN:اول\nBEGIN:VCARD\nFN:دوم\nTEL;CELL:09121112233\nEND:VCARD');
    expect(rows.map((r) => [r.fullName, r.mobile])).toEqual([
      ['اول', ''],
      ['دوم', '09121112233'],
    ]);
  });

  it('a missing final END:VCARD still gives the card; no card at all is refused; maxRows is enforced', async () => {
    expect(read('BEGIN:VCARD\nVERSION:3.0\nFN:پایان‌ناپیدا\nTEL;TYPE=CELL:09121234567')[0]?.mobile).toBe('09121234567');
    await importError(() => readVcf('FN:nobody'), 'malformed_file');
    const three = Array(3).fill('BEGIN:VCARD\nFN:x\nEND:VCARD').join('\n');
    const err = await importError(() => readVcf(three, { maxRows: 2 }), 'too_many_rows');
    expect(err.message).toContain('۲');
  });
});
