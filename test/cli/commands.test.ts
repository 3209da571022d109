import { strict as assert } from 'node:assert';
import { RULE_METAS } from '../../server/src/engine/rules/registry';
import { Workspace, ensureBuilt } from './harness';

const CHINESE = /[\u4e00-\u9fff]/;

describe('govspec init, rules, explain, --version, --help', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = new Workspace(); });
  afterEach(() => ws.cleanup());

  it('init writes the config and one example of each kind', () => {
    const r = ws.run(['init']);
    assert.equal(r.status, 0, r.stderr);
    for (const name of ['govspec.config.yaml', 'example.service.yaml', 'example.catalog.yaml', 'example.agreement.yaml', 'example.agency.yaml']) {
      assert.ok(ws.read(name).length > 0, name);
    }
  });

  it('init refuses to overwrite any existing file and writes nothing', () => {
    ws.write({ 'example.catalog.yaml': '# mine\n' });
    const r = ws.run(['init']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /example\.catalog\.yaml/);
    assert.equal(ws.read('example.catalog.yaml'), '# mine\n');
    assert.throws(() => ws.read('govspec.config.yaml'));
  });

  it('rules lists every rule, in either language', () => {
    const en = ws.run(['rules', '--locale', 'en']);
    const zh = ws.run(['rules', '--locale', 'zh-CN']);
    assert.equal(en.status, 0);
    const ids = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(ids(en.stdout), [...RULE_METAS.keys()]);
    assert.deepEqual(ids(zh.stdout), [...RULE_METAS.keys()]);
    assert.match(zh.stdout.split('\n')[0], CHINESE);
    assert.doesNotMatch(en.stdout.split('\n')[0], CHINESE);
  });

  it('explain prints a rule\'s documentation in each language, and exits 2 for an unknown rule', function () {
    const ruleId = 'service/fee-basis';
    assert.ok(RULE_METAS.has(ruleId));
    const en = ws.run(['explain', ruleId, '--locale', 'en']);
    const zh = ws.run(['explain', ruleId, '--locale', 'zh-CN']);
    assert.equal(en.status, 0);
    assert.equal(zh.status, 0);
    assert.match(en.stdout, new RegExp(ruleId.replace('/', '\\/')));
    assert.match(zh.stdout, CHINESE);
    assert.notEqual(en.stdout, zh.stdout);
    const unknown = ws.run(['explain', 'no/such-rule']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);
  });

  it('--version prints the package version; --help the usage; no command is exit 2', () => {
    assert.match(ws.run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = ws.run(['--help']);
    assert.equal(help.status, 0);
    for (const command of ['lint', 'rules', 'explain', 'init']) assert.match(help.stdout, new RegExp(`govspec ${command}`));
    assert.equal(ws.run([]).status, 2);
    assert.equal(ws.run(['frobnicate']).status, 2);
  });
});
