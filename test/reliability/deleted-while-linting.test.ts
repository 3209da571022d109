import { strict as assert } from 'node:assert';
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { TODAY, Workspace, ensureBuilt, initialised } from '../cli/harness';
import type { JsonReport } from '../cli/harness';
import { seeded, start, tick } from './cli-support';
import { SEED } from './support';

/**
 * Issue 7: files and folders deleted or renamed while `govspec lint` runs. A file gone between the walk and the read
 * is no longer part of the run (files/read-source.ts `gone`); one gone between the phases, or a related file gone,
 * is read as absent. Whatever the moment, the run ends with exit 0 or 1 and a complete, valid JSON report.
 */

const FOLDERS = 6;
const PER_FOLDER = 60;
const ROUNDS = 4;

/** The ways of running lint the race is tried against: the in-memory --fix path, one thread, worker threads. */
const MODES: { name: string; args: string[] }[] = [
  { name: 'one thread', args: [] },
  { name: '--fix', args: ['--fix'] },
  { name: '--concurrency 2', args: ['--concurrency', '2'] },
];

describe('reliability: files deleted or renamed while being linted', function () {
  this.timeout(600_000);
  let ws: Workspace;
  const names: string[] = [];

  before(function () {
    ensureBuilt();
    ws = initialised();
    const service = ws.read('example.service.yaml');
    const files: Record<string, string> = {};
    for (const name of ['govspec.config.yaml', 'example.agency.yaml', 'example.agreement.yaml', 'example.catalog.yaml', 'example.service.yaml']) {
      // Each copy is a workspace of its own (`root: true`), not part of the one of the outer config (docs/semantics.md).
      files[`orig/${name}`] = name === 'govspec.config.yaml' ? `root: true\n${ws.read(name)}` : ws.read(name);
    }
    for (let f = 0; f < FOLDERS; f++) {
      for (let i = 0; i < PER_FOLDER; i++) {
        const name = `d${f}/s${String(i).padStart(3, '0')}.service.yaml`;
        names.push(name);
        // A fixable defect (for --fix) and a code of its own (no cross-file duplicates).
        files[`orig/${name}`] = service.replace('type: "01"', 'type: 01').replace('511302000117004000001', `5113020001170049${f}${String(i).padStart(3, '0')}`);
      }
    }
    ws.write(files);
  });

  after(() => ws?.cleanup());

  for (const [m, mode] of MODES.entries()) {
    it(`${mode.name}: never a crash, whatever is deleted or renamed when (${ROUNDS} seeded rounds)`, async function () {
      const random = seeded(SEED + m);
      for (let round = 0; round < ROUNDS; round++) {
        const folder = `m${m}r${round}`;
        cpSync(ws.path('orig'), ws.path(folder), { recursive: true });
        const present = new Set(names);
        const renamed = new Set<string>();
        const running = start(ws.root, ['lint', '--today', TODAY, '-f', 'json', '--no-progress', ...mode.args, folder]);
        // Seeded changes at seeded moments until the run ends: delete a file, rename it (to another document name,
        // or away from YAML), or delete a whole folder.
        let changes = 0;
        while (!running.exited()) {
          const polls = Math.floor(random() * 20);
          for (let i = 0; i < polls && !running.exited(); i++) await tick();
          const left = [...present];
          if (left.length === 0) break;
          const victim = left[Math.floor(random() * left.length)];
          const path = ws.path(`${folder}/${victim}`);
          const what = random();
          try {
            if (what < 0.45) {
              rmSync(path);
            } else if (what < 0.7) {
              renameSync(path, path.replace(/\.service\.yaml$/, '.moved.yaml'));
              renamed.add(victim.replace(/\.service\.yaml$/, '.moved.yaml'));
            } else if (what < 0.9) {
              renameSync(path, `${path}.bak`);
            } else {
              const dir = victim.split('/')[0];
              // --fix may be writing a temporary file into the folder right now: retry instead of failing on ENOTEMPTY.
              rmSync(ws.path(`${folder}/${dir}`), { recursive: true, force: true, maxRetries: 20, retryDelay: 5 });
              for (const n of left) if (n.startsWith(`${dir}/`)) present.delete(n);
            }
            changes++;
          } catch (error) {
            // The victim's folder went a moment ago.
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          }
          present.delete(victim);
        }
        const end = await running.done;
        const where = `${mode.name}, round ${round} (${changes} changes)`;
        assert.ok(end.code === 0 || end.code === 1, `${where}: exit ${end.code} ${end.signal ?? ''}\n${end.stderr}`);
        assert.equal(end.stderr, '', `${where}: nothing on standard error`);
        const report = JSON.parse(end.stdout) as JsonReport;
        assert.ok(Array.isArray(report.results) && typeof report.summary.files === 'number', where);
        const known = new Set([...names, ...renamed].map((n) => `${folder}/${n}`));
        for (const r of report.results) {
          assert.ok(known.has(r.file), `${where}: a finding on ${r.file}, which never existed`);
          assert.ok(Number.isInteger(r.line) && r.line >= 1 && Number.isInteger(r.column) && r.column >= 1, `${where}: ${JSON.stringify(r)}`);
          // A file gone before it was read is not reported at all; one that was read reports findings about its
          // content, never a read failure.
          assert.notEqual(r.ruleId, 'meta/internal-error', `${where}: ${JSON.stringify(r)}`);
          assert.ok(!(r.ruleId === 'yaml/syntax' && r.line === 1 && r.column === 1), `${where}: a read failure reported: ${JSON.stringify(r)}`);
        }
        // With --fix, what a fix wrote back is a whole document: the files still in the folder lint without a crash.
        if (mode.args.includes('--fix')) {
          const after = ws.run(['lint', '--today', TODAY, '-f', 'json', folder]);
          assert.ok(after.status === 0 || after.status === 1, `${where}: after --fix: ${after.stderr}`);
        }
        assert.ok(existsSync(ws.path(folder)));
      }
    });
  }
});
