/** The habits ESLint and Spectral users bring (issue 17): quiet and max-warnings, dry runs, typos, several formats. */
import { strict as assert } from 'node:assert';
import { TODAY, Workspace, edit, ensureBuilt, initialised, jsonOf } from './harness';

/** The shared licence material of the template asks for an original: a warning. */
const ONE_WARNING: [string, string] = ['originals: 0', 'originals: 1'];
/** The service type written unquoted: a safely fixable error. */
const FIXABLE_ERROR: [string, string] = ['type: "01"', 'type: 01'];

function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /ERR_PARSE_ARGS|Unknown option|\n\s+at /);
}

describe('govspec lint: the conventions of ESLint and Spectral', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  const lint = (...args: string[]) => ws.run(['lint', '--today', TODAY, '--locale', 'en', ...args]);

  it('--quiet --max-warnings 0 on one warning exits 1 and shows nothing; -1 means no limit', () => {
    edit(ws, 'example.service.yaml', ...ONE_WARNING);
    const quiet = lint('--quiet', '--max-warnings', '0');
    assert.equal(quiet.status, 1);
    assert.equal(quiet.stdout, '');
    assert.equal(lint('--max-warnings', '-1').status, 0);
    assert.equal(lint('--max-warnings=-1').status, 0);
    assert.equal(lint('--max-warnings', '0').status, 1);
    assertOneLine(lint('--max-warnings', '-2').stderr, /--max-warnings takes a whole number or -1/);
  });

  it('--fix-dry-run -f json keeps standard output one JSON report, the fixed text inside', () => {
    edit(ws, 'example.service.yaml', ...FIXABLE_ERROR);
    const r = lint('--fix-dry-run', '-f', 'json');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { fixed: { file: string; output: string }[] };
    assert.deepEqual(report.fixed.map((f) => f.file), ['example.service.yaml']);
    assert.equal(report.fixed[0].output, ws.read('example.service.yaml').replace('type: 01', 'type: "01"'));
    assert.match(ws.read('example.service.yaml'), /type: 01\n/, 'a dry run writes nothing');
    const human = lint('--fix-dry-run');
    assert.match(human.stdout, /^--- a\/example\.service\.yaml\n\+\+\+ b\/example\.service\.yaml\n/m);
    const sarif = lint('--fix-dry-run', '-f', 'sarif');
    assert.doesNotThrow(() => JSON.parse(sarif.stdout));
  });

  it('writes several formats in one run: -f NAME:FILE beside the one on standard output', () => {
    edit(ws, 'example.service.yaml', ...FIXABLE_ERROR);
    const r = lint('-f', 'json:out/report.json', '-f', 'junit:out/junit.xml', '-f', 'stylish');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /schema\/type/);
    assert.equal((JSON.parse(ws.read('out/report.json')) as { summary: { errors: number } }).summary.errors, 1);
    assert.match(ws.read('out/junit.xml'), /<failure type="schema\/type"/);
    assertOneLine(lint('-f', 'json', '-f', 'stylish').stderr, /only one -f may go without a file/);
  });

  it('colours stylish only on a terminal by default; --color, --no-color, FORCE_COLOR and NO_COLOR decide otherwise', () => {
    edit(ws, 'example.service.yaml', ...FIXABLE_ERROR);
    const coloured = (args: string[], env?: NodeJS.ProcessEnv) => ws.run(['lint', '--today', TODAY, ...args], { env }).stdout.includes('\u001b[');
    assert.equal(coloured([]), false, 'a pipe is not a terminal');
    assert.equal(coloured(['--color']), true);
    assert.equal(coloured([], { FORCE_COLOR: '1' }), true);
    assert.equal(coloured([], { FORCE_COLOR: '0' }), false);
    assert.equal(coloured(['--no-color'], { FORCE_COLOR: '1' }), false);
    assert.equal(coloured(['--color'], { NO_COLOR: '1' }), true, 'the flag wins over the environment');
    assert.equal(coloured(['--color', '--no-color']), false, 'the later flag wins');
    assert.equal(coloured(['-f', 'json', '--color']), false, 'only stylish is ever coloured');
    ws.run(['lint', '--today', TODAY, '-o', 'out.txt'], { env: { FORCE_COLOR: '1' } });
    assert.ok(!ws.read('out.txt').includes('\u001b['), 'a file gets colour only when --color asks');
  });

  it('stylish names the other file under a cross-file finding', () => {
    ws.write({ 'copy.service.yaml': ws.read('example.service.yaml') });
    const r = lint();
    assert.equal(r.status, 1);
    assert.match(r.stdout, /implementationCode .* is also used by 1 other service[^\n]*\n +↳ copy\.service\.yaml:\d+:\d+ — /);
  });

  it('--print-config FILE prints the resolved config of that file, as YAML or JSON', () => {
    edit(ws, 'govspec.config.yaml', 'extends: recommended', 'extends: strict');
    const yaml = lint('--print-config', 'example.service.yaml');
    assert.equal(yaml.status, 0, yaml.stderr);
    assert.match(yaml.stdout, /^config: govspec\.config\.yaml\nextends: strict\n/);
    assert.match(yaml.stdout, /^ {2}service\/max-one-visit:\n {4}severity: info\n {4}visits: 1$/m);
    const json = JSON.parse(lint('--print-config', 'example.service.yaml', '-f', 'json').stdout) as { rules: Record<string, unknown> };
    assert.equal(json.rules['service/original-for-shared-licence'], 'error', 'strict raises the warning');
    assert.deepEqual(json.rules['service/max-one-visit'], { severity: 'info', visits: 1 });
  });

  it('--debug tells on standard error which config each file got, why files were skipped, and time per phase', () => {
    ws.write({ 'drafts/wip.service.yaml': ws.read('example.service.yaml'), 'notes.yaml': 'a: 1\n' });
    const r = lint('--debug');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^govspec debug: config of example\.service\.yaml: govspec\.config\.yaml \(extends recommended\)$/m);
    assert.match(r.stderr, /^govspec debug: skipped drafts: matches an ignore pattern of govspec\.config\.yaml$/m);
    assert.match(r.stderr, /^govspec debug: skipped notes\.yaml: no GovSpec document in it/m);
    assert.match(r.stderr, /^govspec debug: phase reading: \d+ ms$/m);
    assert.match(r.stderr, /^govspec debug: total: \d+ ms$/m);
    assert.doesNotMatch(lint().stderr, /debug/, 'nothing of it without --debug');
  });

  it('--debug counts the always-skipped folders (.git, node_modules) into one line instead of one line each', () => {
    ws.write({ '.git/HEAD': 'ref: refs/heads/main\n', 'a/node_modules/p/x.yaml': 'a: 1\n', 'b/node_modules/q/y.yaml': 'a: 1\n' });
    const r = lint('--debug');
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /skipped [^\n]*(\.git|node_modules): /, 'no line per always-skipped folder');
    assert.match(r.stderr, /^govspec debug: skipped folders that are always ignored: \.git \(1\), node_modules \(2\)$/m);
    assert.match(r.stderr, /^govspec debug: skipped drafts|^govspec debug: config of/m, 'the rest of the listing stays');
  });

  for (const [args, expected] of [
    [['lint', '--fromat', 'json'], /unknown option --fromat; did you mean --format\?/],
    [['lint', '--quite'], /unknown option --quite; did you mean --quiet\?/],
    [['lint', '-f', 'jsno'], /unknown format "jsno"; did you mean json\?/],
    [['lint', '-f', 'gitlba:x.json'], /unknown format "gitlba"; did you mean gitlab\?/],
    [['lint', '--format'], /--format needs a value/],
    [['lint', '--quiet=yes'], /--quiet takes no value/],
    [['lnit'], /unknown command "lnit"; did you mean lint\?/],
    [['toString'], /unknown command "toString"/],
    [['rules', '--lokale', 'en'], /unknown option --lokale; did you mean --locale\?/],
    [['merge', '-f', 'sarfi', 'a.json'], /did you mean sarif\?/],
  ] as [string[], RegExp][]) {
    it(`a typo gets one line with a did-you-mean: govspec ${args.join(' ')}`, () => {
      const r = ws.run([...args, '--locale', 'en']);
      assert.equal(r.status, 2);
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr, expected);
    });
  }

  it('a misspelt preset name in extends gets a did-you-mean', () => {
    edit(ws, 'govspec.config.yaml', 'extends: recommended', 'extends: recomended');
    const r = lint();
    assert.equal(r.status, 2);
    assertOneLine(r.stderr, /^govspec\.config\.yaml:2:10 meta\/config .*recomended; did you mean recommended\?\n$/);
  });

  it('a misspelt rule id in the config gets a did-you-mean', () => {
    edit(ws, 'govspec.config.yaml', 'service/max-one-visit: info', 'service/max-one-vistt: info');
    assert.match(jsonOf(lint('-f', 'json')).results[0].message, /did you mean service\/max-one-visit\?/);
  });
});
