import { strict as assert } from 'node:assert';
import { TODAY, Workspace, edit, ensureBuilt, initialised, jsonOf } from './harness';

const UNQUOTED_TYPE: [string, string] = ['type: "01"', 'type: 01'];
/** The shared licence material of the template asks for an original: service/original-for-shared-licence, a warning. */
const ORIGINAL_OF_SHARED: [string, string] = ['originals: 0', 'originals: 1'];

describe('govspec lint: exit codes and options', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  it('exits 0 on the valid workspace govspec init writes', () => {
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(jsonOf(r).summary, { files: 4, documents: 5, errors: 0, warnings: 0, infos: 0 });
  });

  it('exits 1 on an error, with the finding where the engine places it', () => {
    edit(ws, 'example.service.yaml', ...UNQUOTED_TYPE);
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 1);
    const [finding] = jsonOf(r).results;
    assert.deepEqual([finding.file, finding.ruleId, finding.line, finding.column, finding.fixable], ['example.service.yaml', 'schema/type', 7, 7, true]);
  });

  it('counts warnings only against --max-warnings, and --quiet drops them', () => {
    edit(ws, 'example.service.yaml', ...ORIGINAL_OF_SHARED);
    const plain = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(plain.status, 0);
    assert.equal(jsonOf(plain).summary.warnings, 1);
    assert.equal(jsonOf(plain).results[0].ruleId, 'service/original-for-shared-licence');
    assert.equal(ws.run(['lint', '--today', TODAY, '--max-warnings', '1']).status, 0);
    assert.equal(ws.run(['lint', '--today', TODAY, '--max-warnings', '0']).status, 1);
    // Issue 17 (ESLint 9): --quiet hides the warning, which still counts for --max-warnings.
    const quiet = ws.run(['lint', '--today', TODAY, '--max-warnings', '0', '--quiet', '-f', 'json']);
    assert.equal(quiet.status, 1);
    assert.deepEqual(jsonOf(quiet).results, []);
  });

  it('exits 2 for a missing path, after reporting the paths that exist', () => {
    edit(ws, 'example.service.yaml', ...UNQUOTED_TYPE);
    const r = ws.run(['lint', '--today', TODAY, 'example.service.yaml', 'no-such-folder']);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /schema\/type/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /no-such-folder/);
  });

  for (const args of [['--bogus'], ['-f', 'xml'], ['--max-warnings', 'many'], ['--today', '2025-02-29'], ['--locale', 'fr'], ['--fix', '--fix-dry-run']]) {
    it(`exits 2 with one line and no stack for: lint ${args.join(' ')}`, () => {
      const r = ws.run(['lint', ...args]);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    });
  }

  it('exits 2 on an unusable config with path:line:column meta/config message', () => {
    ws.write({ 'govspec.config.yaml': 'extends: recommended\ncodePatterns:\n  basicCode: "(a+)+"\n' });
    const r = ws.run(['lint']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^govspec\.config\.yaml:3:14 meta\/config \S.*\n$/);
  });

  it('exits 2 when --config names a file that does not exist', () => {
    const r = ws.run(['lint', '--config', 'missing.yaml']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^missing\.yaml:1:1 meta\/config /);
  });

  it('reports an unknown rule in the config in the config file, and still lints', () => {
    edit(ws, 'govspec.config.yaml', 'service/max-one-visit: info', 'service/max-one-vistt: info');
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json']);
    assert.equal(r.status, 1);
    assert.deepEqual(jsonOf(r).results.map((f) => [f.file, f.ruleId]), [['govspec.config.yaml', 'meta/unknown-rule']]);
  });

  it('-o writes the report atomically and prints nothing', () => {
    edit(ws, 'example.service.yaml', ...UNQUOTED_TYPE);
    const r = ws.run(['lint', '--today', TODAY, '-f', 'json', '-o', 'reports/out.json']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal((JSON.parse(ws.read('reports/out.json')) as { summary: { errors: number } }).summary.errors, 1);
  });

  it('speaks the chosen language: --locale, then the config, then LANG', () => {
    edit(ws, 'example.service.yaml', ...UNQUOTED_TYPE);
    // govspec init writes `locale: zh-CN` (issue 17); without it, the environment decides.
    edit(ws, 'govspec.config.yaml', 'locale: zh-CN', '# locale: zh-CN');
    const message = (args: string[], env?: NodeJS.ProcessEnv) => jsonOf(ws.run(['lint', '--today', TODAY, '-f', 'json', ...args], { env })).results[0].message;
    const chinese = /[\u4e00-\u9fff]/;
    assert.doesNotMatch(message(['--locale', 'en']), chinese);
    assert.match(message(['--locale', 'zh-CN']), chinese);
    assert.match(message([], { LANG: 'zh_CN.UTF-8' }), chinese);
    assert.doesNotMatch(message([], { LANG: 'en_US.UTF-8' }), chinese);
    assert.doesNotMatch(message([], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }), chinese);
    ws.write({ 'govspec.config.yaml': `locale: zh-CN\n${ws.read('govspec.config.yaml')}` });
    assert.match(message([], { LANG: 'en_US.UTF-8' }), chinese);
    assert.doesNotMatch(message(['--locale', 'en']), chinese);
  });

  it('lints standard input as <stdin>, or as the file --stdin-filename names', () => {
    const text = ws.read('example.service.yaml').replace(...UNQUOTED_TYPE);
    // In a folder of its own: next to the template service, the same implementationCode would be a duplicate.
    const empty = new Workspace();
    const anonymous = empty.run(['lint', '--today', TODAY, '-f', 'json', '--stdin'], { input: text });
    empty.cleanup();
    assert.equal(anonymous.status, 1);
    const results = jsonOf(anonymous).results;
    assert.deepEqual([...new Set(results.map((f) => f.file))], ['<stdin>']);
    assert.ok(results.some((f) => f.ruleId === 'schema/type'));
    const named = ws.run(['lint', '--today', TODAY, '-f', 'json', '--stdin', '--stdin-filename', 'example.service.yaml'], { input: text });
    assert.deepEqual(jsonOf(named).results.map((f) => [f.file, f.ruleId]), [['example.service.yaml', 'schema/type']]);
    assert.equal(ws.read('example.service.yaml').includes('type: 01'), false, 'standard input is never written to the file');
  });
});
