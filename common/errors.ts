/** Every error code the API returns, with its HTTP status and the message a person reads. */
export const ERRORS = {
  validation: { status: 400, fa: 'اطلاعات ارسال‌شده معتبر نیست.', en: 'The submitted data is not valid.' },
  malformed_json: { status: 400, fa: 'بدنه درخواست JSON معتبر نیست.', en: 'The request body is not valid JSON.' },
  unauthenticated: { status: 401, fa: 'ابتدا وارد سامانه شوید.', en: 'Please log in first.' },
  invalid_credentials: { status: 401, fa: 'نام کاربری یا رمز عبور نادرست است.', en: 'Wrong username or password.' },
  tenant_required: { status: 400, fa: 'این نام کاربری در چند شرکت هست؛ کد شرکت را هم وارد کنید.', en: 'This username exists in several companies; enter the company code.' },
  login_locked: { status: 429, fa: 'تلاش‌های ناموفق زیاد بود؛ چند دقیقه دیگر دوباره تلاش کنید.', en: 'Too many failed attempts; try again in a few minutes.' },
  csrf: { status: 403, fa: 'درخواست از صفحه معتبر نیامده است (CSRF). صفحه را تازه کنید.', en: 'Invalid CSRF token. Reload the page.' },
  forbidden: { status: 403, fa: 'شما اجازه انجام این کار را ندارید.', en: 'You are not allowed to do this.' },
  not_found: { status: 404, fa: 'مورد درخواستی پیدا نشد.', en: 'Not found.' },
  route_not_found: { status: 404, fa: 'این نشانی در سامانه وجود ندارد.', en: 'No such address.' },
  conflict: { status: 409, fa: 'این مورد هم‌زمان تغییر کرده است؛ دوباره بارگذاری کنید.', en: 'Changed by someone else; reload.' },
  duplicate: { status: 409, fa: 'مقدار تکراری است.', en: 'Duplicate value.' },
  payload_too_large: { status: 413, fa: 'حجم فایل یا درخواست بیش از حد مجاز است.', en: 'The file or request is too large.' },
  unsupported_media_type: { status: 415, fa: 'نوع فایل پذیرفته نیست.', en: 'This file type is not accepted.' },
  wrong_password: { status: 400, fa: 'رمز عبور فعلی نادرست است.', en: 'The current password is wrong.' },
  insufficient_stock: { status: 409, fa: 'موجودی قابل فروش کافی نیست.', en: 'Not enough sellable stock.' },
  in_use: { status: 409, fa: 'این مورد در جای دیگری استفاده شده و حذف نمی‌شود.', en: 'In use elsewhere; cannot be deleted.' },
  bad_request: { status: 400, fa: 'درخواست نادرست است.', en: 'Bad request.' },
  internal: { status: 500, fa: 'خطای پیش‌بینی‌نشده‌ای رخ داد؛ دوباره تلاش کنید.', en: 'An unexpected error occurred; please retry.' },
} as const satisfies Record<string, { status: number; fa: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export type FieldError = { path: string; message: string };

/** RFC 9457 problem details as the API returns them. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
};
