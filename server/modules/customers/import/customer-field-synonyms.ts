// Header names people actually use for each customer field: Persian (with and without spaces/ZWNJ — all
// of that is ignored when matching), English, and the column names of Outlook and Google Contacts CSV
// exports. Matching also accepts the field key itself (postalCode, firstName…), which is what VCF rows
// use as headers. Order matters only to break exact ties: earlier fields win.

import type { FieldSynonyms } from '../../../platform/import/readers/index.js';

export const CUSTOMER_FIELD_SYNONYMS: readonly FieldSynonyms[] = [
  { key: 'firstName', synonyms: ['نام', 'نام کوچک', 'first name', 'given name', 'firstname'] },
  { key: 'lastName', synonyms: ['نام خانوادگی', 'فامیلی', 'فامیل', 'last name', 'surname', 'family name'] },
  {
    key: 'fullName',
    synonyms: ['نام کامل', 'نام و نام خانوادگی', 'نام مشتری', 'full name', 'name', 'customer name', 'display name'],
  },
  {
    key: 'companyName',
    synonyms: ['نام شرکت', 'شرکت', 'سازمان', 'نام سازمان', 'company', 'company name', 'organization', 'organisation'],
  },
  { key: 'nationalId', synonyms: ['کد ملی', 'شماره ملی', 'national id', 'national code', 'melli code'] },
  { key: 'legalId', synonyms: ['شناسه ملی', 'شناسه ملی شرکت', 'legal id'] },
  { key: 'economicCode', synonyms: ['کد اقتصادی', 'economic code', 'tax id'] },
  { key: 'registrationNo', synonyms: ['شماره ثبت', 'registration number', 'registration no'] },
  {
    key: 'mobile',
    synonyms: ['موبایل', 'تلفن همراه', 'همراه', 'شماره همراه', 'شماره موبایل', 'mobile', 'mobile phone', 'cell', 'cell phone'],
  },
  {
    key: 'phone',
    synonyms: ['تلفن', 'تلفن ثابت', 'شماره تلفن', 'شماره تماس', 'تلفن تماس', 'phone', 'tel', 'telephone', 'home phone', 'business phone'],
  },
  { key: 'email', synonyms: ['ایمیل', 'پست الکترونیک', 'پست الکترونیکی', 'رایانامه', 'email', 'e-mail', 'email address'] },
  { key: 'province', synonyms: ['استان', 'province', 'state'] },
  { key: 'city', synonyms: ['شهر', 'city'] },
  { key: 'postalCode', synonyms: ['کد پستی', 'postal code', 'zip', 'zip code', 'postcode'] },
  { key: 'address', synonyms: ['آدرس', 'نشانی', 'address', 'street'] },
  { key: 'birthDate', synonyms: ['تاریخ تولد', 'birthday', 'birth date', 'date of birth'] },
  { key: 'code', synonyms: ['کد مشتری', 'شماره مشتری', 'customer code', 'customer id'] },
  { key: 'source', synonyms: ['شیوه آشنایی', 'نحوه آشنایی', 'منبع', 'source', 'lead source'] },
  { key: 'tags', synonyms: ['برچسب', 'برچسب ها', 'tags', 'labels'] },
  { key: 'note', synonyms: ['توضیحات', 'یادداشت', 'note', 'notes', 'description'] },
];
