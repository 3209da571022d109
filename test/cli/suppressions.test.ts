/** What a reviewer must be able to audit: every suppression, with its reason, in the reports (issue 17). */
import { strict as assert } from 'node:assert';
import { TODAY, Workspace, edit, ensureBuilt, initialised } from './harness';

interface Suppressed { file: string; ruleId: string; line: number; reason: string | null }
interface Report { results: { ruleId: string; severity: string; line: number; message: string }[]; suppressed: Suppressed[] }

describe('govspec lint and report: suppressions', function () {
  let ws: Workspace;
  before(ensureBuilt);
  beforeEach(() => {
    ws = initialised();
    edit(ws, 'example.service.yaml', 'originals: 0', 'originals: 1   # govspec-disable-line service/original-for-shared-licence -- 窗口须留存原件');
    edit(ws, 'example.service.yaml', 'type: "01"', 'type: 01   # govspec-disable-line schema/type');
  });
  afterEach(() => ws.cleanup());

  const json = (...args: string[]) => {
    const r = ws.run(['lint', '--today', TODAY, '--locale', 'en', '-f', 'json', ...args]);
    return { status: r.status, report: JSON.parse(r.stdout) as Report };
  };

  it('lists each suppressed finding with rule, place and reason, and counts none of them', () => {
    const { report } = json();
    assert.deepEqual(report.suppressed.map((s) => [s.file, s.ruleId, s.reason]), [
      ['example.service.yaml', 'schema/type', null],
      ['example.service.yaml', 'service/original-for-shared-licence', '窗口须留存原件'],
    ]);
    assert.ok(report.results.every((r) => r.ruleId !== 'schema/type' && r.ruleId !== 'service/original-for-shared-licence'));
  });

  it('reports a suppression without a reason as meta/suppression-reason: a warning, an error under strict', () => {
    const plain = json();
    assert.deepEqual(plain.report.results.map((r) => [r.ruleId, r.severity]), [['meta/suppression-reason', 'warning']]);
    assert.equal(plain.status, 0);
    assert.match(plain.report.results[0].message, /gives no reason/);
    edit(ws, 'govspec.config.yaml', 'extends: recommended', 'extends: strict');
    const strict = json();
    assert.deepEqual(strict.report.results.map((r) => [r.ruleId, r.severity]), [['meta/suppression-reason', 'error']]);
    assert.equal(strict.status, 1);
  });

  it('the HTML report has a section of suppressions with their reasons', () => {
    const r = ws.run(['report', '--html', 'out/report.html', '--today', TODAY, '--locale', 'en']);
    assert.equal(r.status, 0, r.stderr);
    const html = ws.read('out/report.html');
    const section = /<section id="suppressions"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(section, /Suppressed findings/);
    assert.match(section, /窗口须留存原件/);
    assert.match(section, /service\/original-for-shared-licence/);
    assert.match(section, /schema\/type[\s\S]*\(no reason given\)/);
  });
});
