/**
 * The CI integrations against the packed tarball: the GitHub Action's steps, the GitLab template's job and every
 * shell block of docs/ci.md, each read from its file and run in a spec repository committed on a known date.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import YAML from 'yaml';
import { bash, docBlocks, readAction, readGitlabTemplate, runAction, runGitlabJob, specRepository } from './ci-harness';
import { type Installed, packAndInstall } from './packed';

const COMMIT_DATE = '2025-06-30';

/** A stand-in for the CLI that records its arguments and exits 1 without writing a report, as a crash could. */
function crashingCli(dir: string): { bin: string; argsFile: string } {
  const bin = path.join(dir, 'crashing-govspec');
  const argsFile = path.join(dir, 'crash-args');
  fs.writeFileSync(bin, `#!/bin/sh\necho "$@" > '${argsFile}'\necho 'Error: Cannot find module' >&2\nexit 1\n`, { mode: 0o755 });
  return { bin, argsFile };
}

interface SarifLog { runs: { results: unknown[] }[] }

describe('CI integrations on the packed tarball', function () {
  this.timeout(300_000);
  let pkg: Installed;
  let env: NodeJS.ProcessEnv;
  /** Whether this CLI has the `gitlab` format the template's Code Quality report needs (another change adds it). */
  let hasGitlabFormat: boolean;

  before(() => {
    pkg = packAndInstall();
    env = { ...pkg.env, LANG: 'C' };
    const help = spawnSync(process.execPath, [path.join(pkg.prefix, 'node_modules/govspec/bin/govspec.js'), 'lint', '--help'], { encoding: 'utf8' });
    hasGitlabFormat = /\bgitlab\b/.test(help.stdout);
  });

  describe('action.yml', () => {
    it('is a composite action whose inputs the docs list, one row each', () => {
      const action = readAction();
      assert.strictEqual(action.runs.using, 'composite');
      const table = docBlocksTableInputs();
      assert.deepStrictEqual(table, Object.keys(action.inputs));
    });

    it('installs the CLI, prints annotations, uploads SARIF and fails on errors', () => {
      const repo = specRepository(COMMIT_DATE);
      const run = runAction({ package: pkg.tarball }, repo, env);
      assert.strictEqual(run.status, 1, run.log);
      assert.strictEqual(run.failedStep, 'Verdict');
      assert.strictEqual(run.outputs.lint['exit-code'], '1');
      assert.match(run.log, /^::error file=/m, 'github annotations in the log');
      const upload = run.uses.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif@'));
      assert.ok(upload, 'SARIF is uploaded');
      const sarif = JSON.parse(fs.readFileSync(upload.with.sarif_file, 'utf8')) as SarifLog;
      assert.ok(sarif.runs[0].results.length > 0);
    });

    it('with fail-on-errors false and a shard, passes and names the report and category by shard', () => {
      const repo = specRepository(COMMIT_DATE);
      const run = runAction({ package: pkg.tarball, shard: '1/2', 'fail-on-errors': 'false', format: 'stylish' }, repo, env);
      assert.strictEqual(run.status, 0, run.log);
      assert.match(run.outputs.lint.report, /govspec-1-of-2\.json$/);
      assert.strictEqual(run.uses[0].with.category, 'govspec-1-of-2');
    });

    it('fails with exit 2 and uploads nothing when the run itself fails', () => {
      const repo = specRepository(COMMIT_DATE);
      const run = runAction({ package: pkg.tarball, paths: 'no-such-folder' }, repo, env);
      assert.strictEqual(run.status, 2, run.log);
      assert.strictEqual(run.failedStep, 'Lint');
      assert.deepStrictEqual(run.uses, []);
    });

    it('reads exit 1 without a report as a failed run, and takes the commit\'s date as today', () => {
      const repo = specRepository(COMMIT_DATE);
      const crash = crashingCli(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-crash-')));
      const run = runAction({ package: pkg.tarball }, repo, env, (id, outputs) => { if (id === 'install') outputs.bin = crash.bin; });
      assert.strictEqual(run.status, 2, run.log);
      assert.strictEqual(run.failedStep, 'Lint');
      assert.match(fs.readFileSync(crash.argsFile, 'utf8'), new RegExp(`--today ${COMMIT_DATE}`));
    });
  });

  describe('ci/govspec.gitlab-ci.yml', () => {
    it('publishes a Code Quality and a JUnit report and fails on errors', () => {
      const repo = specRepository(COMMIT_DATE);
      const job = readGitlabTemplate()['.govspec'];
      const r = runGitlabJob({ GOVSPEC_PACKAGE: pkg.tarball, GOVSPEC_ARGS: '' }, repo, env);
      assert.ok(fs.statSync(path.join(repo, 'govspec.json')).size > 0, 'the json report is written');
      if (hasGitlabFormat) {
        assert.strictEqual(r.status, 1, r.stderr);
        const quality = JSON.parse(fs.readFileSync(path.join(repo, job.artifacts.reports.codequality), 'utf8')) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
        assert.ok(quality.length > 0);
        for (const issue of quality) {
          assert.ok(issue.description && issue.check_name && issue.fingerprint && issue.severity && issue.location.path && issue.location.lines.begin > 0, JSON.stringify(issue));
        }
        assert.match(fs.readFileSync(path.join(repo, job.artifacts.reports.junit), 'utf8'), /<testsuites/);
      } else {
        // Until `-f gitlab` is merged the job must fail as a failed run, never pass without its report.
        assert.strictEqual(r.status, 2, r.stderr);
        assert.match(r.stderr, /gitlab/);
      }
    });

    it('lints one shard per parallel job and fails with exit 2 when the run fails', () => {
      const repo = specRepository(COMMIT_DATE);
      const shard = runGitlabJob({ GOVSPEC_PACKAGE: pkg.tarball, GOVSPEC_ARGS: '', GOVSPEC_FAIL_ON_ERRORS: 'false', CI_NODE_INDEX: '2', CI_NODE_TOTAL: '2' }, repo, env);
      const report = JSON.parse(fs.readFileSync(path.join(repo, 'govspec.json'), 'utf8')) as { summary: { files: number } };
      const whole = spawnSync(path.join(pkg.prefix, 'node_modules/.bin/govspec'), ['lint', '-f', 'json', '--today', COMMIT_DATE, '.'], { cwd: repo, env, encoding: 'utf8' });
      assert.ok(report.summary.files < (JSON.parse(whole.stdout) as { summary: { files: number } }).summary.files, 'a shard reports fewer files');
      assert.strictEqual(shard.status, hasGitlabFormat ? 0 : 2, shard.stderr);
      const failed = runGitlabJob({ GOVSPEC_PACKAGE: pkg.tarball, GOVSPEC_PATHS: 'no-such-folder' }, repo, env);
      assert.strictEqual(failed.status, 2, failed.stderr);
    });
  });

  describe('docs/ci.md', () => {
    it('shows the action with inputs it has and the template with the job and variables it has', () => {
      const inputs = Object.keys(readAction().inputs);
      const workflow = YAML.parse(docBlocks('yaml')[0]) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
      const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.uses?.startsWith('govspec/govspec@'));
      assert.ok(step, 'the workflow uses the action');
      assert.deepStrictEqual(Object.keys(step.with ?? {}).filter((k) => !inputs.includes(k)), []);
      const gitlab = YAML.parse(docBlocks('yaml')[1]) as { include: { remote: string }[]; govspec: { extends: string; variables: Record<string, string> } };
      assert.ok(fs.existsSync(path.join(__dirname, '../..', new URL(gitlab.include[0].remote).pathname.replace(/^\/govspec\/govspec\/main\//, ''))));
      const template = readGitlabTemplate();
      assert.ok(template[gitlab.govspec.extends], `${gitlab.govspec.extends} is a job of the template`);
      assert.deepStrictEqual(Object.keys(gitlab.govspec.variables).filter((k) => !(k in template[gitlab.govspec.extends].variables)), []);
    });

    it('every shell block runs against the packed tarball: install, lint, four shards, merge', () => {
      const blocks = docBlocks('sh');
      assert.strictEqual(blocks.length, 4, 'install, lint, shard, merge');
      const repo = specRepository(COMMIT_DATE);
      const run = (block: string, extra: NodeJS.ProcessEnv = {}) => bash(block, repo, { ...env, GOVSPEC_PACKAGE: pkg.tarball, ...extra });
      const [install, lint, shard, merge] = blocks;
      const installed = run(install);
      assert.strictEqual(installed.status, 0, installed.stderr);
      assert.ok(fs.existsSync(path.join(repo, 'node_modules/.bin/govspec')));
      const linted = run(lint);
      assert.strictEqual(linted.status, 1, linted.stderr);
      assert.ok(fs.statSync(path.join(repo, 'govspec.json')).size > 0);
      for (const n of ['1', '2', '3', '4']) {
        const r = run(shard, { SHARD: n });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.ok(fs.existsSync(path.join(repo, `govspec-${n}.json`)));
      }
      const merged = run(merge);
      assert.strictEqual(merged.status, 1, merged.stderr);
      const whole = JSON.parse(fs.readFileSync(path.join(repo, 'govspec.json'), 'utf8')) as { results: unknown[]; suppressed?: unknown[] };
      // SARIF lists suppressed findings too, each with its `suppressions` (the JSON report keeps them apart).
      const results = (JSON.parse(fs.readFileSync(path.join(repo, 'govspec.sarif'), 'utf8')) as SarifLog).runs[0].results as { suppressions?: unknown[] }[];
      assert.strictEqual(results.filter((r) => !r.suppressions?.length).length, whole.results.length);
      assert.strictEqual(results.filter((r) => r.suppressions?.length).length, (whole.suppressed ?? []).length);
    });

    it('the documented guard fails a run that exits 1 without a report', () => {
      const repo = specRepository(COMMIT_DATE);
      const crash = crashingCli(repo);
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-npx-'));
      fs.writeFileSync(path.join(bin, 'npx'), `#!/bin/sh\nshift\nexec '${crash.bin}' "$@"\n`, { mode: 0o755 });
      const r = bash(docBlocks('sh')[1], repo, { ...env, PATH: `${bin}:${env.PATH ?? ''}` });
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(fs.readFileSync(crash.argsFile, 'utf8'), new RegExp(`--today ${COMMIT_DATE}`));
    });
  });
});

/** The input names of the action's table in docs/ci.md, in order. */
function docBlocksTableInputs(): string[] {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/ci.md'), 'utf8');
  const start = doc.indexOf('| input | default | meaning |');
  const table = doc.slice(start, doc.indexOf('\n\n', start));
  return [...table.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
}
