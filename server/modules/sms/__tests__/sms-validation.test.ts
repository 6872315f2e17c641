import { describe, expect, it } from 'vitest';
import { smsSendBody, zSmsReceiver } from '../../../../common/contracts/sms.contract.js';
import { AppError } from '../../../platform/http/app-error.js';
import { validateSms } from '../sms.service.js';

const MESSAGE = 'شماره موبایل گیرنده معتبر نیست؛ مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ‎+989121234567';

describe('receiver mobile', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['۰۹۱۲۱۲۳۴۵۶۷', '09121234567'],
    ['٠٩١٢١٢٣٤٥٦٧', '09121234567'],
    ['+989121234567', '09121234567'],
    ['+98 912 123 4567', '09121234567'],
    ['00989121234567', '09121234567'],
    ['9121234567', '09121234567'],
    ['0912-123-4567', '09121234567'],
    ['+98 (0)912 123 4567', '09121234567'],
  ])('%s → %s', (raw, stored) => {
    expect(validateSms({ to: raw, text: 'سلام' }).to).toBe(stored);
    expect(zSmsReceiver.parse(raw)).toBe(stored);
  });

  it.each(['0912123456', '091212345678', '02112345678', '09802002580', 'abc', ''])('refuses %j with a Persian message on "to"', (raw) => {
    let err: unknown;
    try { validateSms({ to: raw, text: 'سلام' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).opts.errors).toEqual([{ path: 'to', message: MESSAGE }]);
    const parsed = smsSendBody.safeParse({ to: raw, text: 'سلام' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['to'] });
  });

  it('normalizes the text (ي/ك, digits) and refuses an empty or too long one', () => {
    expect(validateSms({ to: '09121234567', text: ' يادآوري جلسه ساعت ۱۰ ' }).text).toBe('یادآوری جلسه ساعت 10');
    expect(() => validateSms({ to: '09121234567', text: '   ' })).toThrow('متن پیامک الزامی است');
    expect(() => validateSms({ to: '09121234567', text: 'x'.repeat(901) })).toThrow('متن پیامک حداکثر ۹۰۰ نویسه است');
  });
});
