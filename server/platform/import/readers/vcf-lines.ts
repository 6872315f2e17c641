// vCard text → properties (name, parameters, raw value). Written for what phones and mail programs
// really export, not only for the RFCs: vCard 2.1/3.0/4.0, CR, LF, CRLF and the iPhone's CR CR LF,
// folded lines, 2.1 quoted-printable soft line breaks, unindented base64 blocks, group prefixes
// (item1.TEL), TYPE parameters in every spelling. Lines it cannot understand are skipped, never fatal.

export type VcfParams = {
  /** Lower-case TYPE values from TYPE=a,b / TYPE="a,b" / type=a;type=b / 2.1 bare CELL;WORK. */
  types: Set<string>;
  /** Lower-case ENCODING: 'quoted-printable', 'base64', 'b', '8bit'…; null when absent. */
  encoding: string | null;
  charset: string | null;
  /** TYPE=pref, bare PREF (2.1) or PREF=n (4.0). */
  pref: boolean;
};

export type VcfProperty = {
  /** 'item1' in item1.TEL (Apple/Google use it to attach an X-ABLabel to a property). */
  group: string | null;
  /** Upper case: TEL, N, X-ABLABEL… */
  name: string;
  params: VcfParams;
  /** The value as written: still quoted-printable / escaped. */
  raw: string;
};

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const CARD_BOUNDARY = /^(BEGIN|END):VCARD\s*$/i;

export function* vcfProperties(text: string): Generator<VcfProperty> {
  // CR* LF also swallows the iPhone's CR CR LF; a lone CR is a classic-Mac line end.
  const lines = text.split(/\r*\n|\r/);
  for (let i = 0; i < lines.length; ) {
    const first = lines[i++] ?? '';
    // An empty line, or a line with no "name:" (2.1 base64 data without indentation): not a property.
    if (first.trim() === '' || /^[ \t]/.test(first)) continue;
    const head = splitHead(first);
    if (head === null) continue;
    const params = parseParams(head.paramParts);
    const qp = params.encoding === 'quoted-printable';

    let value = head.value;
    for (;;) {
      const next = lines[i];
      if (next === undefined) break;
      if (qp && value.endsWith('=') && !CARD_BOUNDARY.test(next)) {
        // Soft line break: the "=" and the line end are not part of the data; the next line is taken
        // as is, even when it is empty (that is how some Android exports end a value).
        value = value.slice(0, -1) + next;
        i++;
      } else if (/^[ \t]/.test(next)) {
        value += next.slice(1); // folding: CRLF + one space/tab is removed
        i++;
      } else break;
    }

    const fullName = head.name.trim();
    const dot = fullName.lastIndexOf('.');
    const name = fullName.slice(dot + 1).toUpperCase();
    if (!/^[A-Z0-9-]+$/.test(name)) continue;
    yield { group: dot > 0 ? fullName.slice(0, dot) : null, name, params, raw: value };
  }
}

/** Splits «name;params:value» at the first colon outside double quotes (4.0 quotes parameter values). */
function splitHead(line: string): { name: string; paramParts: string[]; value: string } | null {
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ':' && !inQuotes) {
      const [name = '', ...paramParts] = splitOutsideQuotes(line.slice(0, i), ';');
      return { name, paramParts, value: line.slice(i + 1) };
    }
  }
  return null;
}

function splitOutsideQuotes(s: string, sep: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') inQuotes = !inQuotes;
    else if (s[i] === sep && !inQuotes) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function parseParams(parts: readonly string[]): VcfParams {
  const params: VcfParams = { types: new Set(), encoding: null, charset: null, pref: false };
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 allows bare values: TEL;CELL;PREF, PHOTO;BASE64, NOTE;QUOTED-PRINTABLE.
      const bare = part.trim().toUpperCase();
      if (ENCODINGS.has(bare)) params.encoding = bare.toLowerCase();
      else if (bare !== '') params.types.add(bare.toLowerCase());
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'TYPE') {
      for (const t of value.split(',')) if (t.trim() !== '') params.types.add(t.trim().replace(/"/g, '').toLowerCase());
    } else if (key === 'ENCODING') params.encoding = value.toLowerCase();
    else if (key === 'CHARSET') params.charset = value;
    else if (key === 'PREF') params.pref = true;
  }
  if (params.types.has('pref')) params.pref = true;
  return params;
}
