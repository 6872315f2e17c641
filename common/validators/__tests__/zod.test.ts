import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  zBankCard, zEconomicCode, zJalaliDate, zLegalId, zMobile, zNationalId, zOptional, zPersianText, zPhone,
  zPostalCode, zSheba,
} from '../zod.js';

const messages = (schema: z.ZodType, input: unknown): string[] => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('identifier schemas', () => {
  it.each([
    [zNationalId(), '۰۴۹۹-۳۷۰-۸۹۹', '0499370899'],
    [zNationalId(), '499370899', '0499370899'],
    [zLegalId(), '۱۰۳۸۰۲۸۴۷۹۰', '10380284790'],
    [zEconomicCode(), '۰۴۹۹۳۷۰۸۹۹۱۲۳۴', '04993708991234'],
    [zSheba(), 'ir82 0540 1026 8002 0817 9090 02', 'IR820540102680020817909002'],
    [zBankCard(), '۶۰۳۷-۷۰۱۶-۸۹۰۹-۵۴۴۳', '6037701689095443'],
    [zMobile(), '+98 912 123 4567', '09121234567'],
    [zPostalCode(), '۱۱۹۳۶-۵۳۴۷۱', '1193653471'],
    [zPhone(), '021-1234 5678', '02112345678'],
  ] as const)('normalizes %#', (schema, input, output) => {
    expect(schema.parse(input)).toBe(output);
  });

  it.each([
    [zNationalId(), '1234567890', 'کد ملی معتبر نیست'],
    [zLegalId(), '10380284792', 'شناسه ملی معتبر نیست'],
    [zEconomicCode(), '123', 'کد اقتصادی معتبر نیست'],
    [zSheba(), 'IR820540102680020817909003', 'شماره شبا معتبر نیست'],
    [zBankCard(), '4000000000000002', 'شماره کارت معتبر نیست'],
    [zMobile(), '09802002580', 'شماره موبایل معتبر نیست'],
    [zPostalCode(), '12345', 'کد پستی معتبر نیست'],
    [zPhone(), '09121234567', 'شماره تلفن معتبر نیست'],
  ] as const)('gives one Persian message for invalid input %#', (schema, input, message) => {
    expect(messages(schema, input)).toEqual([message]);
  });

  it('says a missing or empty value is required', () => {
    expect(messages(zNationalId(), '')).toEqual(['کد ملی الزامی است']);
    expect(messages(zNationalId(), '   ')).toEqual(['کد ملی الزامی است']);
    expect(messages(zNationalId(), undefined)).toEqual(['کد ملی الزامی است']);
    expect(messages(zMobile(), null)).toEqual(['شماره موبایل الزامی است']);
  });

  it('rejects non-strings as invalid (numbers lose leading zeros)', () => {
    expect(messages(zNationalId(), 499370899)).toEqual(['کد ملی معتبر نیست']);
  });

  it('uses the given label', () => {
    expect(messages(zNationalId('کد ملی مدیرعامل'), '1')).toEqual(['کد ملی مدیرعامل معتبر نیست']);
    expect(messages(zMobile('موبایل همراه'), '')).toEqual(['موبایل همراه الزامی است']);
  });

  it('reports the path inside an object', () => {
    const r = z.object({ customer: z.object({ mobile: zMobile() }) }).safeParse({ customer: { mobile: '123' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['customer.mobile', 'شماره موبایل معتبر نیست']]);
  });

  it('describes the input as a string in JSON Schema (OpenAPI)', () => {
    const schema = z.toJSONSchema(z.object({ id: zNationalId() }), { io: 'input', unrepresentable: 'any' });
    expect(schema.properties?.id).toEqual({ type: 'string', minLength: 1 });
  });
});

describe('types seen by forms and contracts', () => {
  it('infers string in, string out (Date out for dates)', () => {
    expectTypeOf<z.input<ReturnType<typeof zNationalId>>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<ReturnType<typeof zNationalId>>>().toEqualTypeOf<string>();
    expectTypeOf<z.input<ReturnType<typeof zPersianText>>>().toEqualTypeOf<string>();
    expectTypeOf<z.output<ReturnType<typeof zJalaliDate>>>().toEqualTypeOf<Date>();
    expectTypeOf<z.output<ReturnType<typeof zOptional<ReturnType<typeof zMobile>>>>>().toEqualTypeOf<string | undefined>();
  });
});

describe('zOptional', () => {
  const schema = zOptional(zMobile());

  it('turns empty form values into undefined', () => {
    for (const empty of ['', '  ', null, undefined]) expect(schema.parse(empty)).toBeUndefined();
  });

  it('still normalizes and validates a value', () => {
    expect(schema.parse('۰۹۱۲۱۲۳۴۵۶۷')).toBe('09121234567');
    expect(messages(schema, '0912')).toEqual(['شماره موبایل معتبر نیست']);
  });
});

describe('zPersianText', () => {
  const name = zPersianText({ label: 'نام', max: 100 });

  it('stores normalized Persian', () => {
    expect(name.parse('  علي   كريمی ۱۲ ')).toBe('علی کریمی 12');
    expect(name.parse('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('is required by default', () => {
    expect(messages(name, '')).toEqual(['نام الزامی است']);
    expect(messages(name, '   ')).toEqual(['نام الزامی است']);
    expect(messages(name, undefined)).toEqual(['نام الزامی است']);
  });

  it('limits the length after normalization, with Persian digits in the message', () => {
    expect(messages(name, 'ا'.repeat(101))).toEqual(['نام حداکثر ۱۰۰ نویسه است']);
    expect(name.parse(`  ${'ا'.repeat(100)}  `)).toHaveLength(100);
  });

  it('supports a minimum above one', () => {
    const city = zPersianText({ label: 'شهر', min: 3 });
    expect(messages(city, 'قم')).toEqual(['شهر باید حداقل ۳ نویسه باشد']);
    expect(city.parse('کرج')).toBe('کرج');
  });

  it('allows empty text with min 0 and keeps lines when multiline', () => {
    expect(zPersianText({ label: 'توضیحات', min: 0 }).parse('')).toBe('');
    expect(zPersianText({ label: 'نشانی', multiline: true }).parse('خیابان  اول\r\nپلاک ۱۲')).toBe('خیابان اول\nپلاک 12');
  });
});

describe('zJalaliDate', () => {
  const date = zJalaliDate('تاریخ سررسید');

  it('accepts Jalali strings in any digits, ISO strings and Dates', () => {
    expect(date.parse('۱۴۰۳/۱۲/۳۰').toISOString()).toBe('2025-03-19T20:30:00.000Z');
    expect(date.parse('1403-12-30 14:30').toISOString()).toBe('2025-03-20T11:00:00.000Z');
    expect(date.parse('2025-03-20').toISOString()).toBe('2025-03-19T20:30:00.000Z');
    expect(date.parse('2025-03-20T11:00:00.000Z').toISOString()).toBe('2025-03-20T11:00:00.000Z');
    const d = new Date('2025-01-01T00:00:00Z');
    expect(date.parse(d)).toBe(d);
  });

  it('gives Persian messages', () => {
    expect(messages(date, '1402/12/30')).toEqual(['تاریخ سررسید معتبر نیست']);
    expect(messages(date, 'فردا')).toEqual(['تاریخ سررسید معتبر نیست']);
    expect(messages(date, new Date('nope'))).toEqual(['تاریخ سررسید معتبر نیست']);
    expect(messages(date, 42)).toEqual(['تاریخ سررسید معتبر نیست']);
    expect(messages(date, '')).toEqual(['تاریخ سررسید الزامی است']);
    expect(messages(date, undefined)).toEqual(['تاریخ سررسید الزامی است']);
    expect(messages(zJalaliDate(), 'x')).toEqual(['تاریخ معتبر نیست']);
  });
});
