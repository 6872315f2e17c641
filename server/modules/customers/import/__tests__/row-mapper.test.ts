import { beforeAll, describe, expect, it } from 'vitest';
import { installPersianZodErrors } from '../../../../../common/zod-persian.js';
import type { ImportFieldKey } from '../import-fields.js';
import { suggestImportMapping } from '../import-fields.js';
import type { ImportRefs } from '../import-refs.js';
import { parseKind, prepareRow, splitFullName, type RowSettings } from '../row-mapper.js';

beforeAll(() => installPersianZodErrors());

const refs: ImportRefs = {
  province: (n) => (n === 'تهران' ? 8 : null),
  city: (n) => (n === 'تهران' ? { id: 8001, provinceId: 8 } : null),
  source: (n) => (n === 'نمایشگاه' ? '6a4e7c2e-1d1b-4f7e-9b1a-0c3d5e7f9a11' : null),
  version: 'test',
};
const settings = (fields: ImportFieldKey[], more: Partial<RowSettings> = {}): RowSettings => ({
  columns: fields.map((f, i) => [i, f]), defaultKind: undefined, lenient: false, refs, ...more,
});

describe('prepareRow', () => {
  it('infers the kind: a company name or legal ID makes a legal person, a kind column wins', () => {
    expect(prepareRow(['شرکت الف', ''], settings(['companyName', 'lastName']))).toMatchObject({ ok: true, kind: 'legal', kindGiven: false });
    expect(prepareRow(['', 'رضایی'], settings(['companyName', 'lastName']))).toMatchObject({ ok: true, kind: 'natural' });
    expect(prepareRow(['شرکت الف', 'رضایی', 'حقیقی'], settings(['companyName', 'lastName', 'kind']))).toMatchObject({ ok: true, kind: 'natural', kindGiven: true });
    expect(prepareRow(['x'], settings(['fullName'], { defaultKind: 'legal' }))).toMatchObject({ ok: true, kind: 'legal', patch: { companyName: 'x' } });
    expect(prepareRow(['شرکت', 'نمی‌دانم'], settings(['companyName', 'kind']))).toEqual({ ok: false, reasons: ['نوع مشتری «نمی‌دانم» معتبر نیست؛ «حقیقی» یا «حقوقی» بنویسید'] });
  });

  it('normalizes like the form: Persian digits, Arabic letters, Jalali dates, tags split on either comma', () => {
    const r = prepareRow(['علي', 'كريمي', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '۱۳۷۰/۰۵/۱۲', 'طلایی، vip,جدید'], settings(['firstName', 'lastName', 'mobile', 'birthDate', 'tags']));
    expect(r).toMatchObject({ ok: true, patch: { firstName: 'علی', lastName: 'کریمی', mobile: '09121234567', tags: ['طلایی', 'vip', 'جدید'] } });
    expect(r.ok && r.patch.birthDate?.toISOString()).toBe('1991-08-02T19:30:00.000Z');
  });

  it('lists every bad field with a Persian reason that names it', () => {
    const r = prepareRow(['رضایی', '1234567890', '0912', 'x@', 'نامعلوم'], settings(['lastName', 'nationalId', 'mobile', 'email', 'source']));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons).toEqual(expect.arrayContaining([
      'کد ملی معتبر نیست', 'شماره موبایل معتبر نیست', 'نشانی ایمیل معتبر نیست',
      'شیوه آشنایی «نامعلوم» در فهرست شیوه‌های آشنایی نیست؛ ابتدا آن را در تنظیمات اضافه کنید',
    ]));
  });

  it('reports which cells an overwrite would empty, never the kind or the code', () => {
    const r = prepareRow(['رضایی', '', '', '', ''], settings(['lastName', 'mobile', 'tags', 'kind', 'code']));
    expect(r).toMatchObject({ ok: true, cleared: ['mobile', 'tags'] });
  });

  it('builds an address from province and city names', () => {
    const r = prepareRow(['رضایی', 'تهران', 'تهران', 'خیابان آزادی'], settings(['lastName', 'province', 'city', 'address']));
    expect(r).toMatchObject({ ok: true, addressMapped: true, address: { provinceId: 8, cityId: 8001, address: 'خیابان آزادی' } });
    expect(prepareRow(['رضایی', 'گتهام'], settings(['lastName', 'city']))).toEqual({ ok: false, reasons: ['شهر «گتهام» شناخته نشد'] });
  });

  it('vCards: one name becomes the last name; numbers that are not Iranian go to the notes', () => {
    const r = prepareRow(['Jane', '+1 905 555 1234', '0912 123 4567 / 021 8888 7777', '--03-22'], settings(['firstName', 'mobile', 'phone', 'birthDate'], { lenient: true }));
    expect(r).toMatchObject({ ok: true, patch: { lastName: 'Jane', mobile: '09121234567', phone: '02188887777', notes: 'شماره موبایل: +1 905 555 1234\nتاریخ تولد: --03-22' } });
  });
});

describe('helpers', () => {
  it('splits a full name at the last space and reads the kind in Persian or English', () => {
    expect(splitFullName('محمد رضا  احمدی')).toEqual({ firstName: 'محمد رضا', lastName: 'احمدی' });
    expect(splitFullName('احمدی')).toEqual({ lastName: 'احمدی' });
    expect([parseKind('شخص حقوقی'), parseKind('حقيقي'), parseKind('Legal'), parseKind('؟')]).toEqual(['legal', 'natural', 'legal', null]);
  });

  it('suggests a mapping for our own export: «نام» is the full name when «نام کوچک» is there, «نوع» is the kind', () => {
    const headers = ['کد مشتری', 'نوع', 'نام', 'نام کوچک', 'نام خانوادگی', 'کد ملی', 'کارشناس مسئول'];
    expect(suggestImportMapping(headers)).toEqual({ 0: 'code', 1: 'kind', 2: 'fullName', 3: 'firstName', 4: 'lastName', 5: 'nationalId' });
  });
});
