import { describe, expect, it } from 'vitest';
import { headerMatchKey, suggestMapping } from '../column-mapping.js';
import { CUSTOMER_FIELD_SYNONYMS } from '../../../../modules/customers/import/customer-field-synonyms.js';
import { VCF_HEADERS } from '../vcf-reader.js';

const mapped = (headers: string[]) => {
  const m = suggestMapping(headers, CUSTOMER_FIELD_SYNONYMS);
  return headers.map((h, i) => [h, m[i]]);
};

describe('suggestMapping', () => {
  it('maps a Persian header row', () => {
    expect(
      mapped(['ردیف', 'نام', 'نام خانوادگی', 'کد ملی', 'تلفن همراه', 'تلفن ثابت', 'پست الکترونیک', 'استان', 'شهر', 'کد پستی', 'نشانی', 'تاریخ تولد', 'شیوه آشنایی', 'برچسب', 'توضیحات']),
    ).toEqual([
      ['ردیف', null],
      ['نام', 'firstName'],
      ['نام خانوادگی', 'lastName'],
      ['کد ملی', 'nationalId'],
      ['تلفن همراه', 'mobile'],
      ['تلفن ثابت', 'phone'],
      ['پست الکترونیک', 'email'],
      ['استان', 'province'],
      ['شهر', 'city'],
      ['کد پستی', 'postalCode'],
      ['نشانی', 'address'],
      ['تاریخ تولد', 'birthDate'],
      ['شیوه آشنایی', 'source'],
      ['برچسب', 'tags'],
      ['توضیحات', 'note'],
    ]);
  });

  it('company headers', () => {
    expect(mapped(['نام شرکت', 'شناسه ملی', 'کد اقتصادی', 'شماره ثبت', 'کد مشتری'])).toEqual([
      ['نام شرکت', 'companyName'],
      ['شناسه ملی', 'legalId'],
      ['کد اقتصادی', 'economicCode'],
      ['شماره ثبت', 'registrationNo'],
      ['کد مشتری', 'code'],
    ]);
  });

  it('Arabic ي/ك, ZWNJ, missing spaces, diacritics, Persian digits and punctuation do not matter', () => {
    const variants: Array<[string, string]> = [
      ['كد ملي', 'nationalId'],
      ['نام‌خانوادگی', 'lastName'],
      ['نامخانوادگی', 'lastName'],
      ['نام خانوادگي', 'lastName'],
      ['نامِ خانوادگی', 'lastName'],
      ['شماره‌ی همراه', 'mobile'],
      ['*موبایل:', 'mobile'],
      ['کد‌پستی', 'postalCode'],
      ['ادرس', 'address'],
      ['تاريخ تولد', 'birthDate'],
      ['نام و نام‌خانوادگی', 'fullName'],
      ['برچسب‌ها', 'tags'],
      ['E-Mail', 'email'],
      ['Postal_Code', 'postalCode'],
    ];
    for (const [header, field] of variants) expect(suggestMapping([header], CUSTOMER_FIELD_SYNONYMS)[0], header).toBe(field);
    expect(headerMatchKey('نام‌ خانوادگيِ')).toBe(headerMatchKey('نامخانوادگی'));
  });

  it('maps English headers, including Outlook / Google Contacts exports', () => {
    expect(mapped(['First Name', 'Last Name', 'Company', 'Mobile Phone', 'Home Phone', 'E-mail Address', 'Birthday', 'Notes', 'ZIP', 'State', 'City'])).toEqual([
      ['First Name', 'firstName'],
      ['Last Name', 'lastName'],
      ['Company', 'companyName'],
      ['Mobile Phone', 'mobile'],
      ['Home Phone', 'phone'],
      ['E-mail Address', 'email'],
      ['Birthday', 'birthDate'],
      ['Notes', 'note'],
      ['ZIP', 'postalCode'],
      ['State', 'province'],
      ['City', 'city'],
    ]);
    expect(mapped(['Name', 'E-mail 1 - Value', 'Phone 1 - Value'])).toEqual([
      ['Name', 'fullName'],
      ['E-mail 1 - Value', 'email'],
      ['Phone 1 - Value', 'phone'],
    ]);
  });

  it('partial matches are suggested but lose to exact ones; each field is used once', () => {
    expect(mapped(['شماره موبایل مشتری', 'موبایل'])).toEqual([
      ['شماره موبایل مشتری', null],
      ['موبایل', 'mobile'],
    ]);
    expect(mapped(['شماره موبایل مشتری'])).toEqual([['شماره موبایل مشتری', 'mobile']]);
    expect(mapped(['موبایل', 'Mobile', 'تلفن همراه'])).toEqual([
      ['موبایل', 'mobile'],
      ['Mobile', null],
      ['تلفن همراه', null],
    ]);
  });

  it('someone else\'s details are not guessed as the customer\'s', () => {
    expect(mapped(['نام', 'نام پدر', 'Spouse Name', 'نام کاربری'])).toEqual([
      ['نام', 'firstName'],
      ['نام پدر', null],
      ['Spouse Name', null],
      ['نام کاربری', null],
    ]);
  });

  it('unknown and empty headers map to null; every index is present', () => {
    expect(suggestMapping(['', 'رنگ مورد علاقه', 'xyz'], CUSTOMER_FIELD_SYNONYMS)).toEqual({ 0: null, 1: null, 2: null });
    expect(suggestMapping([], CUSTOMER_FIELD_SYNONYMS)).toEqual({});
  });

  it('VCF headers map onto customer fields', () => {
    const m = suggestMapping([...VCF_HEADERS], CUSTOMER_FIELD_SYNONYMS);
    const byHeader = Object.fromEntries(VCF_HEADERS.map((h, i) => [h, m[i]]));
    expect(byHeader).toMatchObject({
      fullName: 'fullName',
      firstName: 'firstName',
      lastName: 'lastName',
      organization: 'companyName',
      mobile: 'mobile',
      phone: 'phone',
      email: 'email',
      address: 'address',
      city: 'city',
      province: 'province',
      postalCode: 'postalCode',
      birthDate: 'birthDate',
      note: 'note',
    });
    expect(byHeader.fax).toBeNull();
  });

  it('takes a custom field table', () => {
    expect(suggestMapping(['رنگ'], [{ key: 'color', synonyms: ['رنگ', 'colour'] }])).toEqual({ 0: 'color' });
  });
});
