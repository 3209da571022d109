/**
 * A floor, run in a fresh child: `tsx bench/floors/parse-files.ts MODE LIST_FILE`.
 * Reads every file of LIST_FILE (one absolute path a line), then parses each with MODE
 * (js-yaml | yaml | json | block); prints {"read_s","parse_s","documents"} as JSON. Timing is internal, so the
 * child's start-up (Node, tsx, module loading) is not counted.
 */

import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { readBlock } from '../../server/src/engine';

type Parse = (text: string) => number;

const PARSERS: Record<string, Parse> = {
  'js-yaml': (text) => { let n = 0; loadAll(text, () => { n++; }); return n; },
  yaml: (text) => parseAllDocuments(text).length,
  json: (text) => (JSON.parse(text) as unknown[]).length,
  // The engine's block reader (yaml/block-reader.ts); a file it is unsure of counts no document.
  block: (text) => readBlock(text)?.length ?? 0,
};

function main(): void {
  const [mode, listFile] = process.argv.slice(2);
  const parse = PARSERS[mode ?? ''];
  if (parse === undefined || listFile === undefined) throw new Error('usage: parse-files.ts js-yaml|yaml|json|block LIST_FILE');
  const files = readFileSync(listFile, 'utf8').split('\n').filter((line) => line !== '');
  const t0 = process.hrtime.bigint();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const t1 = process.hrtime.bigint();
  let documents = 0;
  for (const text of texts) documents += parse(text);
  const t2 = process.hrtime.bigint();
  process.stdout.write(`${JSON.stringify({ read_s: Number(t1 - t0) / 1e9, parse_s: Number(t2 - t1) / 1e9, documents })}\n`);
}

main();
