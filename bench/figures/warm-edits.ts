/**
 * Warm reruns with `--cache` after one edit of each kind that changes what other files can see (issue 16): a
 * non-fact edit, a service's name, a resource's name, a resource code that agreements name, a new agreement, a
 * deleted catalogue. Each run edits a fresh variant of the corpus file, lints warm, then restores the file and warms
 * the cache again (unmeasured), so every measured run starts from a cache of the unedited corpus. That cache is
 * made cold once per corpus and CLI and shared by the six kinds: each kind leaves it as it found it, and a cold run
 * of the medium corpus under load costs as much as all of one kind's runs.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runChild } from '../lib/child';
import { CliSupport, lintArgs, requireCli } from '../lib/cli';
import { Corpus, documentFiles } from '../lib/corpus';
import { FigureValue, Unmeasurable } from '../lib/figure';
import { assertLintRun, repeat, timedFigure } from '../lib/runs';

/** One kind of edit: `apply(n)` makes the n-th variant, `restore` puts the corpus back. */
export interface Edit { apply(n: number): void; restore(): void }

export const WARM_EDITS = ['non-fact', 'service-name', 'resource-name', 'referenced-code', 'new-agreement', 'deleted-catalog'] as const;
export type WarmEdit = (typeof WARM_EDITS)[number];

function firstFile(corpus: Corpus, suffix: string): string {
  const file = documentFiles(corpus).find((name) => name.endsWith(suffix));
  if (file === undefined) throw new Unmeasurable(`the corpus has no ${suffix} file`);
  return path.join(corpus.root, file);
}

/** Replaces the first match of `line` in `file`, in a new variant per run. */
function lineEdit(file: string, line: RegExp, change: (match: string, n: number) => string): Edit {
  const original = readFileSync(file, 'utf8');
  if (!line.test(original)) throw new Unmeasurable(`${file} has no line ${String(line)} to change`);
  return { apply: (n) => writeFileSync(file, original.replace(line, (match) => change(match, n))), restore: () => writeFileSync(file, original) };
}

export function editOf(corpus: Corpus, kind: WarmEdit): Edit {
  const service = firstFile(corpus, '.service.yaml');
  const catalog = firstFile(corpus, '.catalog.yaml');
  switch (kind) {
    case 'non-fact': return lineEdit(service, /^place: .+$/m, (line, n) => `${line}（变更${n}）`);
    case 'service-name': return lineEdit(service, /^name: .+$/m, (line, n) => `${line}（变更${n}）`);
    case 'resource-name': return lineEdit(catalog, /^ {4}name: .+$/m, (line, n) => `${line}（变更${n}）`);
    case 'referenced-code': {
      const { file, line } = referencedResource(corpus);
      return lineEdit(file, line, (text, n) => text.replace(/\d{4}(?="?$)/, String(9000 + n)));
    }
    case 'new-agreement': {
      const agreement = firstFile(corpus, '.agreement.yaml');
      const text = readFileSync(agreement, 'utf8');
      if (!/^id: .+$/m.test(text)) throw new Unmeasurable(`${agreement} has no id: line`);
      const added = path.join(path.dirname(agreement), 'bench-added.agreement.yaml');
      return {
        apply: (n) => writeFileSync(added, text.replace(/^id: (.+)$/m, (_line, id: string) => `id: ${id}-N${n}`)),
        restore: () => rmSync(added, { force: true }),
      };
    }
    case 'deleted-catalog': {
      const text = readFileSync(catalog, 'utf8');
      return { apply: () => rmSync(catalog), restore: () => writeFileSync(catalog, text) };
    }
  }
}

/** The catalogue line of the first resource the first agreement names. */
function referencedResource(corpus: Corpus): { file: string; line: RegExp } {
  const agreement = readFileSync(firstFile(corpus, '.agreement.yaml'), 'utf8');
  const code = /^ {2}- code: "?([^"\n]+)"?$/m.exec(agreement)?.[1];
  if (code === undefined) throw new Unmeasurable('the first agreement names no resource');
  const line = new RegExp(`^ {2}- code: "?${code.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&')}"?$`, 'm');
  const file = documentFiles(corpus).map((name) => path.join(corpus.root, name))
    .find((name) => name.endsWith('.catalog.yaml') && line.test(readFileSync(name, 'utf8')));
  if (file === undefined) throw new Unmeasurable(`no catalogue defines ${code}`);
  return { file, line };
}

/** The cache folder of the unedited corpus, per corpus root: made by the first kind measured, removed at exit. */
const sharedCaches = new Map<string, { dir: string; warm: boolean }>();

function sharedCacheOf(corpus: Corpus): { dir: string; warm: boolean } {
  let shared = sharedCaches.get(corpus.root);
  if (!shared) {
    const made = (shared = { dir: mkdtempSync(path.join(tmpdir(), 'govspec-bench-warm-')), warm: false });
    sharedCaches.set(corpus.root, made);
    process.once('exit', () => rmSync(made.dir, { recursive: true, force: true }));
  }
  return shared;
}

export async function warmAfterEdit(corpus: Corpus, cli: CliSupport, runs: number, kind: WarmEdit): Promise<FigureValue> {
  requireCli(cli, 'json', 'today', 'output', 'cache', 'cacheLocation');
  const shared = sharedCacheOf(corpus);
  const dir = shared.dir;
  const edit = editOf(corpus, kind);
  try {
    const cacheArgs = ['--cache', '--cache-location', path.join(dir, 'cache')];
    const lint = async () => {
      const run = await runChild(process.execPath, lintArgs(cli, '.', path.join(dir, 'report.json'), cacheArgs), { cwd: corpus.root, timeoutMs: 3_600_000 });
      assertLintRun(run);
      return run;
    };
    if (!shared.warm) await lint();
    shared.warm = false;
    const results = await repeat(runs, async (index) => {
      edit.apply(index + 1);
      const run = await lint();
      edit.restore();
      await lint();
      return run;
    });
    // Restored and linted: the cache is the unedited corpus's again, for the next kind.
    shared.warm = true;
    return timedFigure(results, { documents: corpus.manifest.counts.documents, bytes: corpus.manifest.bytes });
  } finally {
    edit.restore();
  }
}
