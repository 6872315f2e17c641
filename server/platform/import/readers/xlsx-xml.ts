// Just enough XML for the parts of an XLSX an import reads (workbook, styles, shared strings, sheet rows):
// attributes, entity decoding and the text runs of a string. Elements are found by their (unprefixed)
// names; a workbook written with namespace prefixes goes to the general reader instead.

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** Whether the character after `<name` ends the element's name (so `<t` does not match `<tableParts`). */
export const endsName = (code: number) => isSpace(code) || code === 62 || code === 47;

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text (`<c r="A1" t="s">`), decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** One attribute of a start tag, without building them all (the hot path: every cell). */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // A whole attribute name: preceded by a space, followed by `=`.
    if (!isSpace(before)) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag[i] !== '=') continue;
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, i + 1);
    return end < 0 ? undefined : decodeXml(tag.slice(i + 1, end));
  }
}

/** Each element `<name …>…</name>` (or `<name …/>`) inside `xml`, as [start tag, inner text]. */
export function* elements(xml: string, name: string): Generator<[string, string]> {
  const open = `<${name}`;
  const close = `</${name}>`;
  let from = 0;
  for (;;) {
    const at = xml.indexOf(open, from);
    if (at < 0) return;
    if (!endsName(xml.charCodeAt(at + open.length))) {
      from = at + open.length;
      continue;
    }
    const gt = xml.indexOf('>', at);
    if (gt < 0) return;
    const tag = xml.slice(at, gt + 1);
    if (xml.charCodeAt(gt - 1) === 47) {
      yield [tag, ''];
      from = gt + 1;
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) return;
    yield [tag, xml.slice(gt + 1, end)];
    from = end + close.length;
  }
}

/**
 * The text of a string item (`<si>` or an inline `<is>`): its `<t>` runs joined, without the phonetic
 * guides (`<rPh>`) Excel keeps for East Asian text and does not show in the cell.
 */
export function runText(xml: string): string {
  if (xml.startsWith('<t>') && xml.endsWith('</t>') && xml.indexOf('<', 3) === xml.length - 4) return decodeXml(xml.slice(3, -4));
  const shown = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const [, inner] of elements(shown, 't')) text += inner;
  return decodeXml(text);
}
