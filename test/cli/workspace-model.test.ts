import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY, Workspace, ensureBuilt, govspec, jsonOf } from './harness';

/** docs/semantics.md through the built CLI: roots, nested workspaces, ignoring, globs, and exit 2 when nothing is linted. */

const SERVICE = readFileSync(join(__dirname, '../../server/src/cli/templates/example.service.yaml'), 'utf8');
/** A document every run reports (schema findings), so the linted files can be read off the results. */
const STUB = 'apiVersion: govspec/v1\nkind: Service\n';
const BROKEN_CONFIG = 'rules: [not, a, mapping\n';

function filesOf(r: ReturnType<Workspace['run']>): string[] {
  return [...new Set(jsonOf(r).results.map((f) => f.file))].sort();
}

function rulesOf(r: ReturnType<Workspace['run']>): string[] {
  return [...new Set(jsonOf(r).results.map((f) => f.ruleId))].sort();
}

describe('govspec lint: the workspace model', function () {
  this.timeout(60_000);
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = new Workspace(); });
  afterEach(() => ws.cleanup());

  const lint = (args: string[]) => ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', ...args]);
  const runIn = (cwd: string, args: string[], input: string) => govspec(cwd, ['lint', '--today', TODAY, '-f', 'json', '--no-progress', ...args], { input });

  it('run from a parent of two checkouts, lint a/specs reads nothing of b/ (broken config, duplicate code)', () => {
    mkdirSync(ws.path('a/.git'), { recursive: true });
    mkdirSync(ws.path('b/.git'), { recursive: true });
    ws.write({
      'a/specs/one.service.yaml': SERVICE,
      'b/govspec.config.yaml': BROKEN_CONFIG,
      'b/specs/copy.service.yaml': SERVICE,
    });
    const r = lint(['a/specs']);
    assert.equal(r.stderr, '');
    assert.ok(!rulesOf(r).includes('service/duplicate-code'), JSON.stringify(jsonOf(r).results));
    assert.ok(jsonOf(r).results.every((f) => f.file.startsWith('a/')));
    // Within one checkout the copy is a duplicate.
    ws.write({ 'a/other/copy.service.yaml': SERVICE });
    assert.ok(rulesOf(lint(['a/specs'])).includes('service/duplicate-code'));
  });

  it('the outermost config folder is the root when no root mark is found; configs below it change settings only', () => {
    ws.write({
      'proj/govspec.config.yaml': 'extends: recommended\n',
      'proj/x/govspec.config.yaml': 'extends: strict\n',
      'proj/x/one.service.yaml': SERVICE,
      'proj/y/two.service.yaml': SERVICE,
    });
    // `proj/x` alone: its workspace is proj (the outermost config), so proj/y's copy is seen.
    assert.ok(rulesOf(lint(['proj/x'])).includes('service/duplicate-code'));
  });

  it('a nested workspace (root: true) is linted as its own workspace in the same report', () => {
    ws.write({
      'govspec.config.yaml': 'extends: recommended\n',
      'one.service.yaml': SERVICE,
      'sub/govspec.config.yaml': 'root: true\n',
      'sub/two.service.yaml': SERVICE,
    });
    const r = lint(['.']);
    assert.ok(!rulesOf(r).includes('service/duplicate-code'), 'the nested copy is not in the parent workspace');
    ws.write({ 'sub/three.service.yaml': SERVICE });
    const again = lint(['.']);
    assert.deepEqual([...new Set(jsonOf(again).results.filter((f) => f.ruleId === 'service/duplicate-code').map((f) => f.file))].sort(), ['sub/three.service.yaml', 'sub/two.service.yaml']);
  });

  it('a config above a .git never applies', () => {
    ws.write({ 'govspec.config.yaml': BROKEN_CONFIG, 'repo/one.service.yaml': STUB });
    mkdirSync(ws.path('repo/.git'));
    const r = lint(['repo']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesOf(r), ['repo/one.service.yaml']);
  });

  it('--stdin without a name uses the working directory\'s workspace, not the folders above it', () => {
    mkdirSync(ws.path('a/.git'), { recursive: true });
    ws.write({ 'govspec.config.yaml': BROKEN_CONFIG, 'a/copy.service.yaml': SERVICE });
    const r = runIn(ws.path('a'), ['--stdin'], SERVICE);
    assert.ok([0, 1].includes(r.status!), r.stderr);
    assert.ok(rulesOf(r).includes('service/duplicate-code'), 'the stdin text is in a/ with its copy');
  });

  it('ignores config globs on folders and files, --ignore-pattern and .gitignore; --no-gitignore reads them again', () => {
    ws.write({
      'govspec.config.yaml': "ignore: ['drafts', '**/*.old.service.yaml']\n",
      'drafts/a.service.yaml': STUB,
      'drafts/deep/b.service.yaml': STUB,
      'x.old.service.yaml': STUB,
      'build/c.service.yaml': STUB,
      '.gitignore': 'build/\n',
      'tmp/d.service.yaml': STUB,
      'kept.service.yaml': STUB,
      'node_modules/pkg/e.service.yaml': STUB,
    });
    assert.deepEqual(filesOf(lint(['--ignore-pattern', 'tmp/**'])), ['kept.service.yaml']);
    assert.deepEqual(filesOf(lint(['--ignore-pattern', 'tmp/**', '--no-gitignore'])), ['build/c.service.yaml', 'kept.service.yaml']);
    assert.deepEqual(filesOf(lint([])), ['kept.service.yaml', 'tmp/d.service.yaml']);
  });

  it('a named file that is ignored is skipped with one warning line, and does not by itself make the run exit 2', () => {
    ws.write({ 'govspec.config.yaml': "ignore: ['drafts']\n", 'drafts/a.service.yaml': STUB });
    const r = lint(['drafts/a.service.yaml']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(jsonOf(r).summary.files, 0);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /skipped drafts\/a\.service\.yaml: ignored by the ignore globs of govspec\.config\.yaml/);
    // A folder all of whose files are ignored is "nothing linted".
    assert.equal(lint(['drafts']).status, 2);
  });

  it('no GovSpec file linted is one line and exit 2, unless --no-error-on-unmatched-pattern', () => {
    mkdirSync(ws.path('empty'));
    ws.write({ 'only-yaml/docker-compose.yml': 'services: {}\n' });
    for (const path of ['empty', 'only-yaml']) {
      const r = lint([path]);
      assert.equal(r.status, 2, path);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, /no GovSpec file found to lint/);
      const allowed = lint(['--no-error-on-unmatched-pattern', path]);
      assert.equal(allowed.status, 0, allowed.stderr);
      assert.equal(jsonOf(allowed).summary.files, 0);
    }
    // A glob that matches nothing is a path that does not exist.
    assert.equal(lint(['empty/**/*.service.yaml']).status, 2);
  });

  it('a shard left without files of a run that matched some is not "nothing to lint"', () => {
    ws.write({ 'one.service.yaml': STUB });
    const shards = [lint(['--shard', '1/2']), lint(['--shard', '2/2'])];
    assert.deepEqual(shards.map((r) => r.status), [1, 0], shards.map((r) => r.stderr).join(''));
    assert.equal(jsonOf(shards[1]).summary.files, 0);
  });

  it('paths may be globs', () => {
    ws.write({ 'specs/a/one.service.yaml': STUB, 'specs/b/two.catalog.yaml': 'apiVersion: govspec/v1\nkind: Catalog\n', 'specs/three.service.yaml': STUB });
    assert.deepEqual(filesOf(lint(['specs/**/*.service.yaml'])), ['specs/a/one.service.yaml', 'specs/three.service.yaml']);
  });

  it('follows a symbolic link to a folder once, and lints a file reached twice once', () => {
    ws.write({ 'real/one.service.yaml': STUB });
    symlinkSync(ws.path('real'), ws.path('link'));
    assert.deepEqual(filesOf(lint(['.'])), ['link/one.service.yaml']);
  });

  it('speaks zh-CN when nothing says otherwise (LANG unset, C or POSIX), English when the environment asks', () => {
    ws.write({ 'one.service.yaml': STUB });
    const chinese = /[\u4e00-\u9fff]/;
    for (const LANG of ['', 'C', 'C.UTF-8', 'POSIX', 'fr_FR.UTF-8']) assert.match(jsonOf(ws.run(['lint', '-f', 'json', '.'], { env: { LANG } })).results[0].message, chinese, LANG);
    assert.doesNotMatch(jsonOf(ws.run(['lint', '-f', 'json', '.'], { env: { LANG: 'C', LC_MESSAGES: 'en_US.UTF-8' } })).results[0].message, chinese);
  });
});
