import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs 4.4's streaming XML reader decodes every chunk of a sheet on its own, so a Persian letter
 * (two UTF-8 bytes) split across two chunks turns into "��" — about one row in a few thousand
 * (exceljs issues #2084, #2316). We put a fixed reader into Node's module cache before exceljs
 * loads its own: the same parser, with a StringDecoder that carries split characters over.
 * Import this module before `exceljs` everywhere exceljs is imported.
 */
const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');

if (!require.cache[path]) {
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => SaxParser };
  type SaxParser = { on(e: string, cb: (v: unknown) => void): void; write(s: string): void };

  async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error: unknown;
    let events: { eventType: string; value: unknown }[] = [];
    parser.on('error', (err) => { error = err; });
    for (const eventType of ['opentag', 'text', 'closetag']) parser.on(eventType, (value) => events.push({ eventType, value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.end();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }

  const Module = require('node:module') as { prototype: object };
  const entry = Object.assign(Object.create(Module.prototype), { id: path, filename: path, loaded: true, exports: parseSax, children: [], paths: [] });
  require.cache[path] = entry;
}
