import { ERRORS, type ErrorCode, type FieldError } from '../../../common/errors.js';

/**
 * The one error type services throw. `detail` overrides the catalog message when the case needs
 * specifics (e.g. naming the other record); field errors point at the input that was wrong.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly opts: { detail?: string; errors?: FieldError[]; status?: number } = {},
  ) {
    super(opts.detail ?? ERRORS[code].fa);
    this.status = opts.status ?? ERRORS[code].status;
  }
}

/** A single-field validation failure, e.g. `fieldError('mobile', 'شماره موبایل تکراری است')`. */
export const fieldError = (path: string, message: string, code: ErrorCode = 'validation') =>
  new AppError(code, { detail: message, errors: [{ path, message }] });

export const notFound = (what?: string) =>
  new AppError('not_found', what ? { detail: `${what} پیدا نشد.` } : {});

export const forbidden = () => new AppError('forbidden');
