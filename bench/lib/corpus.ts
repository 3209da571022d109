/** The benchmark workspace: generated once per scale and seed, reused while its manifest matches. */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateCorpus, Manifest, ScaleName } from '../generate';
import type { ExpectedFinding } from '../generate';

export const BENCH_DIR = path.join(__dirname, '..');
export const REPO_DIR = path.join(BENCH_DIR, '..');

export interface Corpus {
  root: string;
  manifest: Manifest;
  expected: ExpectedFinding[];
  /** Workspace files relative to root, `/`-separated, sorted (config included). */
  files: string[];
  generated: boolean;
}

function readManifest(root: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function yamlFilesUnder(root: string, relative = ''): string[] {
  const here = path.join(root, relative);
  return readdirSync(here, { withFileTypes: true }).flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) return yamlFilesUnder(root, child);
    return /\.ya?ml$/.test(entry.name) ? [child] : [];
  }).sort();
}

export async function ensureCorpus(scale: ScaleName, seed: number, root = path.join(BENCH_DIR, 'corpus', scale)): Promise<Corpus> {
  const existing = readManifest(root);
  const usable = existing !== undefined && existing.scale === scale && existing.seed === seed
    && existsSync(path.join(root, 'expected.json'));
  const manifest = usable ? existing : await generateCorpus({ scale, seed, outDir: root });
  const expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as ExpectedFinding[];
  return { root, manifest, expected, files: yamlFilesUnder(root), generated: !usable };
}

/** The files that hold documents (the config is not a document of the corpus). */
export const documentFiles = (corpus: Corpus): string[] => corpus.files.filter((file) => file !== 'govspec.config.yaml');
