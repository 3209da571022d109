/** A Service document of at least 1,000 lines, grown from a corpus service that draws data under an agreement. */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus, documentFiles } from '../lib/corpus';

export interface BigService {
  /** Path the document pretends to live at (inside the workspace, not written to disk). */
  file: string;
  text: string;
}

function sectionOf(lines: string[], key: string): [number, number] {
  const start = lines.indexOf(`${key}:`);
  if (start < 0) return [-1, -1];
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end] === '')) end++;
  return [start, end];
}

/** Splits a `materials:` block into its items (each starting with `  - `). */
function items(block: string[]): string[][] {
  const out: string[][] = [];
  for (const line of block) {
    if (line.startsWith('  - ')) out.push([line]);
    else if (out.length > 0) out[out.length - 1].push(line);
  }
  return out;
}

export function bigService(corpus: Corpus, minLines = 1000): BigService {
  const source = documentFiles(corpus).filter((file) => file.endsWith('.service.yaml'))
    .map((file) => ({ file, text: readFileSync(path.join(corpus.root, file), 'utf8') }))
    .find((entry) => entry.text.includes('source: sharing'));
  if (source === undefined) throw new Error('no service with a shared material in the corpus');
  const lines = source.text.replace(/\n$/, '').split('\n');
  const [mStart, mEnd] = sectionOf(lines, 'materials');
  const [pStart, pEnd] = sectionOf(lines, 'process');
  if (mStart < 0 || pStart < 0 || pStart < mEnd) throw new Error('unexpected service layout');
  const materials = items(lines.slice(mStart + 1, mEnd));
  const steps = lines.slice(pStart + 1, pEnd);
  const head = lines.slice(0, mStart);
  const tail = lines.slice(pEnd);
  const grownMaterials: string[] = [];
  const grownSteps: string[] = [];
  let id = 0;
  while (head.length + 2 + grownMaterials.length + grownSteps.length + tail.length < minLines) {
    for (const material of materials) {
      id++;
      grownMaterials.push(...material.map((line) => line.replace(/^( {2}- id: )m\d+$/, `$1m${id}`)));
    }
    grownSteps.push(...steps.map((line) => line.replace(/step: ([^,]+),/, (_all, step: string) => `step: ${step}${id},`)));
  }
  const code = /implementationCode: "(\d+)"/.exec(source.text)?.[1] ?? '';
  const newCode = `${code.slice(0, -6)}999999`;
  const text = [...head, 'materials:', ...grownMaterials, 'process:', ...grownSteps, ...tail].join('\n')
    .replace(`implementationCode: "${code}"`, `implementationCode: "${newCode}"`) + '\n';
  return { file: path.join(corpus.root, path.dirname(source.file), `${newCode}.service.yaml`), text };
}
