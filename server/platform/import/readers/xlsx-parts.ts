// The parts of an XLSX an import needs before its rows: which worksheet comes first and its name, the
// shared strings, and each cell style's number format (to tell dates from numbers). Null when the
// workbook is one this reader does not handle (prefixed XML, 1904 dates, a ZIP it cannot open); the
// general reader takes those.
import { importErrors } from './errors.js';
import { attribute, attributes, elements, runText } from './xlsx-xml.js';
import { readEntry, zipDirectory, type ZipEntry } from './zip-directory.js';

export type XlsxParts = {
  bytes: Uint8Array;
  sheet: ZipEntry;
  sheetName: string | null;
  sharedStrings: string[];
  /** Number format code of each cell style (the `s` attribute), undefined for General. */
  numFmts: (string | undefined)[];
};

/**
 * Largest workbook part read whole (shared strings, styles): a million rows of distinct texts make ~150 MB
 * of shared strings; a 10 MB upload that inflates past this is a ZIP bomb, not a customer list.
 */
const PART_LIMIT = 256 * 1024 * 1024;

// Excel's built-in number formats (ids without a <numFmt> of their own), as ExcelJS knows them.
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export function openXlsxParts(bytes: Uint8Array, partLimit = PART_LIMIT): XlsxParts | null {
  const dir = zipDirectory(bytes);
  if (!dir) return null;
  const text = (name: string) => {
    const e = dir.get(name);
    if (!e) return null;
    const data = readEntry(bytes, e, partLimit);
    if (!data) throw importErrors.malformed('XLSX', `بخش «${name}» درون فایل بیش از اندازه بزرگ است؛ داده‌ها را در یک فایل اکسل تازه ذخیره کنید`);
    return data.toString('utf8');
  };

  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels || !plain(workbook, 'workbook')) return null;
  const pr = elements(workbook, 'workbookPr').next().value;
  if (pr && /^(1|true)$/.test(attribute(pr[0], 'date1904') ?? '')) return null;
  const first = elements(workbook, 'sheet').next().value;
  if (!first) return null;
  const sheetAttrs = attributes(first[0]);
  const relId = sheetAttrs['r:id'];
  let target: string | undefined;
  for (const [tag] of elements(rels, 'Relationship')) {
    const a = attributes(tag);
    if (a.Id === relId) target = a.Target;
  }
  if (!target) return null;
  const sheet = dir.get(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  if (!sheet) return null;

  const sst = text('xl/sharedStrings.xml');
  if (sst !== null && !plain(sst, 'sst')) return null;
  const sharedStrings = sst === null ? [] : [...elements(sst, 'si')].map(([, inner]) => runText(inner));

  const styles = text('xl/styles.xml');
  if (styles !== null && !plain(styles, 'styleSheet')) return null;
  return { bytes, sheet, sheetName: sheetAttrs.name ?? null, sharedStrings, numFmts: styles === null ? [] : cellFormats(styles) };
}

/** The part's root element has no namespace prefix (`<workbook`, not `<x:workbook`). */
function plain(xml: string, root: string): boolean {
  return xml.indexOf(`<${root}`) >= 0;
}

function cellFormats(styles: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const numFmts = elements(styles, 'numFmts').next().value;
  if (numFmts) {
    for (const [tag] of elements(numFmts[1], 'numFmt')) {
      const id = Number(attribute(tag, 'numFmtId'));
      // As ExcelJS reads it: backslash escapes dropped, so `yyyy\-mm\-dd` is a date format like `yyyy-mm-dd`.
      const code = attribute(tag, 'formatCode');
      if (code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
    }
  }
  const xfs = elements(styles, 'cellXfs').next().value;
  if (!xfs) return [];
  return [...elements(xfs[1], 'xf')].map(([tag]) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    return id ? (custom.get(id) ?? BUILT_IN[id]) : undefined;
  });
}

