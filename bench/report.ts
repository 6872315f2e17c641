// What the benches share when they report: the results file under bench/results and the section of
// docs/performance.md they own (replaced in place on a rerun, appended the first time).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function writeResults(file: string, text: string) {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', file), text);
}

/** Replaces the `## …` section whose heading is `heading` (up to the next `## `) with `body`. */
export function replaceDocSection(heading: string, body: string): string {
  const doc = join(here, '..', 'docs', 'performance.md');
  let text = readFileSync(doc, 'utf8');
  const section = `${heading}\n\n${body.trim()}\n`;
  const at = text.indexOf(heading);
  if (at >= 0) {
    const next = text.indexOf('\n## ', at + heading.length);
    text = `${text.slice(0, at)}${section}${next >= 0 ? text.slice(next) : ''}`;
  } else text = `${text.trimEnd()}\n\n${section}`;
  writeFileSync(doc, text);
  return doc;
}
