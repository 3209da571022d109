/** Copies derived from a corpus once and cached beside it: JSON twins, single-document files, bundled schemas. */

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { BENCH_DIR, Corpus, documentFiles } from './corpus';

/** A folder under bench/corpus/.derived/<scale>/<name>, rebuilt by `build` when the corpus manifest changed. */
export function derivedFolder(corpus: Corpus, name: string, build: (dir: string) => void): string {
  const dir = path.join(BENCH_DIR, 'corpus', '.derived', corpus.manifest.scale, name);
  const stampFile = path.join(dir, '.stamp.json');
  const stamp = JSON.stringify(corpus.manifest);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  build(dir);
  writeFileSync(stampFile, stamp);
  return dir;
}

function writeUnder(dir: string, relative: string, text: string): void {
  const target = path.join(dir, ...relative.split('/'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** Every document file as a JSON array of its documents (`<file>.json`). */
export function jsonTwins(corpus: Corpus): string {
  return derivedFolder(corpus, 'json', (dir) => {
    for (const file of documentFiles(corpus)) {
      const docs: unknown[] = [];
      loadAll(readFileSync(path.join(corpus.root, file), 'utf8'), (doc) => { docs.push(doc); });
      writeUnder(dir, `${file}.json`, JSON.stringify(docs));
    }
  });
}

/** `a/b.kind.yaml` with documents 0..n-1 → `a/b.kind.yaml` (n = 1) or `a/b-<i>.kind.yaml`. */
export function singleDocumentName(file: string, index: number, count: number): string {
  if (count === 1) return file;
  const match = /^(.*?)(\.[a-z]+\.ya?ml|\.ya?ml)$/.exec(file);
  const [stem, suffix] = match ? [match[1], match[2]] : [file, ''];
  return `${stem}-${String(index + 1).padStart(3, '0')}${suffix}`;
}

/** The corpus with one document per file (the same bytes per document), plus its config. */
export function singleDocumentCopy(corpus: Corpus): string {
  return derivedFolder(corpus, 'single', (dir) => {
    writeUnder(dir, 'govspec.config.yaml', readFileSync(path.join(corpus.root, 'govspec.config.yaml'), 'utf8'));
    for (const file of documentFiles(corpus)) {
      const text = readFileSync(path.join(corpus.root, file), 'utf8');
      const docs = parseAllDocuments(text);
      if (!Array.isArray(docs)) continue;
      docs.forEach((doc, index) => {
        const [start, , end] = doc.range;
        const body = text.slice(start, end).replace(/^---[ \t]*\n/, '');
        writeUnder(dir, singleDocumentName(file, index, docs.length), body.endsWith('\n') ? body : `${body}\n`);
      });
    }
  });
}
