// The one error the readers throw. `code` is for the program (HTTP status, UI branch), `message` is
// Persian and shown to the user as is, so every message says what is wrong AND what to do about it.
import { toPersianDigits } from '../../../../common/text.js';

export type ImportFileErrorCode =
  | 'empty_file'
  | 'binary_file'
  | 'format_mismatch'
  | 'unsupported_format'
  | 'malformed_file'
  | 'too_many_columns'
  | 'too_many_rows';

export type ImportFileErrorDetails = Readonly<Record<string, string | number>>;

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly code: ImportFileErrorCode;
  readonly details: ImportFileErrorDetails;

  constructor(code: ImportFileErrorCode, message: string, details: ImportFileErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** 1000000 → ۱٬۰۰۰٬۰۰۰: limits are read by people, so group the digits. */
export const faNumber = (n: number): string => toPersianDigits(n.toLocaleString('en-US').replace(/,/g, '٬'));

const atRow = (row?: number) => (row === undefined ? '' : ` (ردیف ${faNumber(row)})`);

export const importErrors = {
  emptyFile: () => new ImportFileError('empty_file', 'فایل خالی است؛ هیچ ردیفی برای وارد کردن ندارد.'),

  emptySheet: (sheet: string | null) =>
    new ImportFileError(
      'empty_file',
      `کاربرگ اول فایل${sheet ? ` («${sheet}»)` : ''} خالی است؛ فقط کاربرگ اول خوانده می‌شود، فهرست مشتریان را در آن بگذارید.`,
      sheet ? { sheet } : {},
    ),

  binaryFile: (what: string) =>
    new ImportFileError(
      'binary_file',
      `محتوای فایل (${what}) قابل خواندن نیست؛ فقط فایل CSV، اکسل (XLSX) یا vCard (VCF) پذیرفته می‌شود.`,
      { detected: what },
    ),

  formatMismatch: (extension: string, what: string) =>
    new ImportFileError(
      'format_mismatch',
      `پسوند فایل «${extension}» است ولی محتوای آن ${what} است. فایل اصلی را دوباره از برنامه‌ای که آن را ساخته ذخیره کنید؛ تغییر پسوند، نوع فایل را عوض نمی‌کند.`,
      { extension, detected: what },
    ),

  unsupportedExtension: (extension: string) =>
    new ImportFileError(
      'unsupported_format',
      `فایل «${extension}» پذیرفته نیست؛ فقط فایل CSV، اکسل (XLSX) یا vCard (VCF) را بارگذاری کنید.`,
      { extension },
    ),

  legacyOrEncryptedExcel: () =>
    new ImportFileError(
      'unsupported_format',
      'این فایل اکسل قدیمی (xls) یا رمزدار است. آن را در اکسل باز کنید، رمز را بردارید و با قالب «Excel Workbook (*.xlsx)» ذخیره کنید.',
      { detected: 'ole2' },
    ),

  openDocument: () =>
    new ImportFileError(
      'unsupported_format',
      'فایل OpenDocument (ods) پذیرفته نیست؛ آن را در LibreOffice با قالب «Excel 2007-365 (.xlsx)» ذخیره کنید.',
      { detected: 'ods' },
    ),

  /** `cause`: the parser's own (English) message, kept in details for the logs, not shown to the user. */
  malformed: (format: 'CSV' | 'XLSX' | 'VCF', reason: string, row?: number, cause?: string) =>
    new ImportFileError('malformed_file', `فایل ${format} خراب است یا ساختار درستی ندارد${atRow(row)}: ${reason}`, {
      format,
      ...(row === undefined ? {} : { row }),
      ...(cause === undefined ? {} : { cause }),
    }),

  tooManyColumns: (count: number, limit: number, row?: number) =>
    new ImportFileError(
      'too_many_columns',
      `فایل ${faNumber(count)} ستون دارد${atRow(row)}؛ حداکثر ${faNumber(limit)} ستون پذیرفته می‌شود. ستون‌های اضافه را حذف کنید یا جداکننده ستون‌ها را بررسی کنید.`,
      { count, limit, ...(row === undefined ? {} : { row }) },
    ),

  tooManyRows: (limit: number) =>
    new ImportFileError(
      'too_many_rows',
      `فایل بیش از ${faNumber(limit)} ردیف دارد؛ آن را به چند فایل کوچک‌تر تقسیم کنید.`,
      { limit },
    ),
} as const;
