/** One language for every command, its help included (issue 17, point 8: what this branch owns of it). */
import { strict as assert } from 'node:assert';
import { Workspace, ensureBuilt, initialised } from './harness';

const CHINESE = /[\u4e00-\u9fff]/;

describe('govspec: the language of every command', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  it('init writes locale: zh-CN, not commented out', () => {
    assert.match(ws.read('govspec.config.yaml'), /^locale: zh-CN\b/m);
  });

  it('help is translated: govspec --help and each command\'s --help follow the config, and --locale', () => {
    assert.match(ws.run(['--help']).stdout, /^GovSpec：检查用 YAML 编写的政务服务规范。/);
    assert.match(ws.run(['--help', '--locale', 'en']).stdout, /^GovSpec: lint government service specifications/);
    for (const command of ['lint', 'merge', 'report', 'rules', 'explain', 'init']) {
      const zh = ws.run([command, '--help']);
      assert.equal(zh.status, 0);
      assert.match(zh.stdout.split('\n')[0], CHINESE, command);
      assert.doesNotMatch(ws.run([command, '--help', '--locale', 'en']).stdout.split('\n')[0], CHINESE, command);
    }
  });

  it('rules, explain and merge speak the config\'s language', () => {
    assert.match(ws.run(['rules']).stdout.split('\n')[0], CHINESE);
    assert.match(ws.run(['explain', 'service/fee-basis']).stdout, /依据/);
    ws.write({ 'a.json': JSON.stringify({ tool: { name: 'govspec' }, results: [], summary: { files: 0, documents: 0 } }) });
    const merged = ws.run(['merge', 'a.json', '-f', 'stylish', '-f', 'junit']);
    assert.equal(merged.status, 2);
    assert.match(merged.stderr, /只能有一个 -f 不带文件名/);
  });
});
