// Kavenegar's documented codes in one place (kavenegar.com/rest.html, "جدول ۱ - کدهای برگشتی" and
// "جدول ۲ - وضعیت پیامک‌ها"), with what each means to a user here and what the outbox does about it.
// `retry`: a later attempt may succeed by itself (their server, rate limits); anything else needs a person
// (wrong key, no credit, bad number) and fails at once with the Persian reason.

export type ReturnCode = { fa: string; retry: boolean };

/** `return.status` of every API answer (the HTTP status is the same number). */
export const KAVENEGAR_RETURN_CODES: Record<number, ReturnCode> = {
  200: { fa: 'درخواست تایید شد', retry: false },
  400: { fa: 'پارامترها ناقص هستند', retry: false },
  401: { fa: 'حساب کاربری کاوه‌نگار غیرفعال شده است', retry: false },
  402: { fa: 'عملیات در کاوه‌نگار ناموفق بود', retry: true },
  403: { fa: 'کلید API کاوه‌نگار معتبر نیست', retry: false },
  404: { fa: 'متد نامشخص است', retry: false },
  405: { fa: 'روش GET/POST درخواست اشتباه است', retry: false },
  406: { fa: 'پارامترهای اجباری خالی فرستاده شده‌اند', retry: false },
  407: { fa: 'دسترسی به این اطلاعات یا سرویس برای حساب کاوه‌نگار ممکن نیست', retry: false },
  409: { fa: 'سرور کاوه‌نگار قادر به پاسخ‌گویی نیست؛ بعداً دوباره تلاش می‌شود', retry: true },
  411: { fa: 'شماره گیرنده نامعتبر است', retry: false },
  412: { fa: 'شماره فرستنده (خط ارسال) نامعتبر است', retry: false },
  413: { fa: 'متن پیامک خالی است یا از حد مجاز بلندتر است', retry: false },
  414: { fa: 'تعداد گیرندگان یا حجم درخواست بیش از حد مجاز است', retry: false },
  415: { fa: 'اندیس شروع از تعداد کل بزرگ‌تر است', retry: false },
  416: { fa: 'IP این سرور با تنظیمات حساب کاوه‌نگار مطابقت ندارد', retry: false },
  417: { fa: 'تاریخ ارسال اشتباه است', retry: false },
  418: { fa: 'اعتبار حساب کاوه‌نگار کافی نیست', retry: false },
  419: { fa: 'طول آرایه‌های متن، گیرنده و فرستنده برابر نیست', retry: false },
  420: { fa: 'استفاده از پیوند (لینک) در متن پیامک برای این حساب محدود شده است', retry: false },
  422: { fa: 'متن به دلیل نویسهٔ نامناسب پردازش نمی‌شود', retry: false },
  424: { fa: 'الگوی پیامک پیدا نشد', retry: false },
  426: { fa: 'این کار به سرویس پیشرفتهٔ کاوه‌نگار نیاز دارد', retry: false },
  427: { fa: 'استفاده از این خط به سطح دسترسی در کاوه‌نگار نیاز دارد', retry: false },
  428: { fa: 'ارسال کد از راه تماس تلفنی ممکن نیست', retry: false },
  429: { fa: 'IP این سرور در کاوه‌نگار محدود شده است', retry: false },
  431: { fa: 'ساختار کد صحیح نیست', retry: false },
  432: { fa: 'پارامتر کد در متن پیام پیدا نشد', retry: false },
  451: { fa: 'درخواست‌ها بیش از حد مجاز بوده و کاوه‌نگار موقتاً محدود کرده است', retry: true },
  501: { fa: 'حساب آزمایشی کاوه‌نگار فقط به شمارهٔ صاحب حساب پیامک می‌فرستد', retry: false },
  607: { fa: 'نام برچسب (tag) اشتباه است', retry: false },
};

/** Codes not in the table: their server's 5xx are worth another try, anything else is not. */
export function returnCode(status: number): ReturnCode {
  return KAVENEGAR_RETURN_CODES[status] ?? { fa: `خطای ناشناخته از کاوه‌نگار`, retry: status >= 500 };
}

export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'unknown';
export type DeliveryCode = { fa: string; state: DeliveryState };

/** `entries[].status` of send.json and status.json: where the message is on its way to the phone. */
export const KAVENEGAR_DELIVERY_STATUSES: Record<number, DeliveryCode> = {
  1: { fa: 'در صف ارسال', state: 'pending' },
  2: { fa: 'زمان‌بندی شده', state: 'pending' },
  4: { fa: 'ارسال‌شده به مخابرات', state: 'pending' },
  5: { fa: 'ارسال‌شده به مخابرات', state: 'pending' },
  6: { fa: 'ارسال با خطا روبه‌رو شد (خطا در خط ارسال یا مخابرات)', state: 'failed' },
  10: { fa: 'رسیده به گیرنده', state: 'delivered' },
  11: { fa: 'به گیرنده نرسید (گوشی خاموش، خارج از دسترس یا شماره غیرفعال)', state: 'failed' },
  13: { fa: 'ارسال لغو شد', state: 'failed' },
  14: { fa: 'گیرنده دریافت پیامک تبلیغاتی را مسدود کرده است (بلاک‌شده)', state: 'failed' },
  100: { fa: 'شناسهٔ پیامک در کاوه‌نگار نامعتبر است (یا بیش از ۴۸ ساعت گذشته است)', state: 'unknown' },
};

export function deliveryCode(status: number): DeliveryCode {
  return KAVENEGAR_DELIVERY_STATUSES[status] ?? { fa: 'وضعیت ناشناخته از کاوه‌نگار', state: 'unknown' };
}
