import { AdapterDateFnsJalali } from '@mui/x-date-pickers/AdapterDateFnsJalali';
import { toPersianDigits } from '@common/text.js';

// Calendar header pattern: `${formats.month} ${formats.year}` of the Jalali adapter.
const HEADER_FORMATS = new Set(['LLLL yyyy']);

/**
 * Persian digits in the calendar (day cells, year list, header). Only `format` and the header
 * pattern of `formatByString` are converted: converting every `formatByString` breaks the typed
 * field (MUI X error #156 probes the year token for a literal '0'); the typed field keeps Latin digits.
 * The base class defines its methods as instance fields, so they are wrapped after `super()`.
 */
export class JalaliAdapterFa extends AdapterDateFnsJalali {
  constructor(...args: ConstructorParameters<typeof AdapterDateFnsJalali>) {
    super(...args);
    const baseFormat = this.format;
    const baseFormatByString = this.formatByString;
    this.format = (value, key) => toPersianDigits(baseFormat(value, key));
    this.formatByString = (value, pattern) => {
      const out = baseFormatByString(value, pattern);
      return HEADER_FORMATS.has(pattern) ? toPersianDigits(out) : out;
    };
  }
}

/** English UI: still the Jalali calendar, with Latin digits everywhere (the base adapter forces Persian ones in clocks). */
export class JalaliAdapterEn extends AdapterDateFnsJalali {
  constructor(...args: ConstructorParameters<typeof AdapterDateFnsJalali>) {
    super(...args);
    this.formatNumber = (n) => n;
  }
}
