// ExcelJS cell values → the text a person sees in the cell. Formulas are NEVER evaluated and never
// passed on: only the result Excel cached when it saved the file, so `=HYPERLINK("http://evil","click")`
// arrives as "click" and nothing of the formula can reach the database or a later export.
import type { CellValue } from 'exceljs';

/** Excel shows 15 significant digits; past that a float's tail is noise (0.1+0.2 = 0.30000000000000004). */
const EXCEL_PRECISION = 15;

export function cellText(value: CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberCellText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = 'result' in value ? value.result : undefined;
    // A cached error ({error: '#N/A'}) or a non-numeric result parsed as NaN by the stream reader.
    if (result === undefined || (typeof result === 'number' && Number.isNaN(result))) return '';
    if (typeof result === 'object' && result !== null && !(result instanceof Date)) {
      return 'error' in result ? '' : cellText(result as CellValue, numFmt);
    }
    return cellText(result as CellValue, numFmt);
  }
  // Hyperlink cells: the link text is what the user typed; the address is not imported.
  if ('hyperlink' in value) return cellText(value.text as CellValue, numFmt);
  if ('error' in value) return '';
  return '';
}

/** A number cell as shown: a date when its format is a date format, else its digits (see numberText). */
export function numberCellText(value: number, numFmt?: string): string {
  if (isDateFormat(numFmt)) return serialToIso(value);
  return padToZeroFormat(numberText(value), numFmt);
}

/**
 * Digits as typed, never «1.2E+21»: mobiles and national IDs typed into number cells have lost their
 * leading zero already (9121234567) but must keep every other digit. The caller pads national IDs.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(EXCEL_PRECISION));
  if (Number.isInteger(rounded)) return BigInt(rounded).toString();
  const s = String(rounded);
  if (!/e/i.test(s)) return s;
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * ExcelJS turns date cells into Dates read as UTC (Excel dates have no time zone), so the UTC fields are
 * the ones the user typed. Date only when there is no time of day.
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * A number format of only zeros (00000000000) is how people make Excel SHOW the leading zero of a mobile
 * or national ID typed as a number; honour it, since that is the text the user sees.
 */
function padToZeroFormat(digits: string, numFmt: string | undefined): string {
  return numFmt && /^0+$/.test(numFmt) && /^\d+$/.test(digits) ? digits.padStart(numFmt.length, '0') : digits;
}

// Serial day 25569 is 1970-01-01 in the 1900 date system; right for every date after Excel's fake
// 1900-02-29, which is all a customer file holds. (1904-system workbooks from old Macs are not handled.)
function serialToIso(serial: number): string {
  return dateText(new Date(Math.round((serial - 25569) * 86_400_000)));
}

/**
 * The stream reader converts plain date cells itself but leaves a formula's cached date (=TODAY(),
 * =DATE(…)) as a serial number; the cell's number format tells them apart. Same rule as ExcelJS:
 * ignore quoted text, \-escaped characters and [colour]/[locale] blocks, then look for date/time letters.
 */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}
