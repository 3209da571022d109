/**
 * The block reader against the precise parser, run in a fresh child: `tsx bench/floors/reader-check.ts LIST_FILE`.
 * Reads every file of LIST_FILE (one absolute path a line) with the block reader and with `yaml` 2 as the engine
 * composes it (YAML 1.2 core); prints {"files","fast_read","unsure","differing","first_differing"} as JSON. A file
 * the block reader reads must give the very data of the precise parse, which must find no problem in it.
 */

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml, readBlock } from '../../server/src/engine';

function main(): void {
  const [listFile] = process.argv.slice(2);
  if (listFile === undefined) throw new Error('usage: reader-check.ts LIST_FILE');
  const files = readFileSync(listFile, 'utf8').split('\n').filter((line) => line !== '');
  let fastRead = 0;
  let unsure = 0;
  const differing: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const block = readBlock(text);
    if (block === undefined) {
      unsure++;
      continue;
    }
    fastRead++;
    const precise = parseYaml(text).documents;
    const same = precise.every((d) => d.problems.length === 0) && isDeepStrictEqual(block, precise.map((d) => ({ index: d.index, value: d.value })));
    if (!same) differing.push(file);
  }
  const report = { files: files.length, fast_read: fastRead, unsure, differing: differing.length, first_differing: differing.slice(0, 5).join(' ') };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
