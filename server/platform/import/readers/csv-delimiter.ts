// Which character separates the columns. Excel writes ',' or ';' depending on the Windows list-separator
// setting, and tab for "Unicode Text", so it has to be guessed from the data: the right delimiter splits
// the header into several columns and splits the following lines into the same number.

export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_LINES = 20;

export function sniffDelimiter(sample: string): CsvDelimiter {
  const lines = splitLogicalLines(sample).filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  if (lines.length === 0) return ',';
  let best: { d: CsvDelimiter; consistent: number; header: number } = { d: ',', consistent: -1, header: 0 };
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // Share of lines that split into as many columns as the header (a Persian address with a comma in a
    // ';' file only spoils its own line).
    const consistent = counts.filter((c) => c === header).length / counts.length;
    if (consistent > best.consistent || (consistent === best.consistent && header > best.header)) {
      best = { d, consistent, header };
    }
  }
  return best.d;
}

/** Lines, keeping a quoted newline inside its line; the last, possibly cut-off line of a sample is dropped. */
function splitLogicalLines(sample: string): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes) {
      lines.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length === 0) lines.push(sample.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}
