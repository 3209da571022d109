import { strict as assert } from 'node:assert';
import { formatReport } from '../../../server/src/cli/format';
import { escapeData, escapeProperty } from '../../../server/src/cli/format/github';
import type { LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

const OPTS = { color: false, toolVersion: '1.0.0' };

function lines(report: LintReport): string[] {
  const text = formatReport('github', report, OPTS);
  assert.ok(text === '' || text.endsWith('\n'));
  return text.split('\n').slice(0, -1);
}

describe('github format', () => {
  it('writes one workflow command per finding, info as notice', () => {
    const output = lines(sampleReport());
    assert.equal(output.length, 7);
    assert.deepEqual(output.map((line) => /^::(\w+) /.exec(line)?.[1]), ['error', 'warning', 'notice', 'error', 'error', 'error', 'warning']);
    assert.equal(output[6], '::warning file=services/passport.service.yaml,line=61,col=9,endLine=61,endColumn=21,'
      + 'title=service/shared-material-agreement::共享协议 XY-2024-01 已于 2024-06-30 失效');
  });

  it('escapes data: percent, carriage return and line feed', () => {
    assert.equal(escapeData('50%\r\nnext: a,b'), '50%25%0D%0Anext: a,b');
  });

  it('escapes properties: also colon and comma', () => {
    assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
  });

  it('keeps each command on one line, whatever the message and path hold', () => {
    const message = 'line one\r\nline two: 100%, done';
    const report: LintReport = { ...sampleReport('en'), files: [{
      file: 'dir,1/a:b.yaml', documents: [],
      findings: [finding({ ruleId: 'r/x', file: 'dir,1/a:b.yaml', range: range(2, 0, 3, 4), message: { 'zh-CN': message, en: message } })],
    }] };
    assert.deepEqual(lines(report), [
      '::error file=dir%2C1/a%3Ab.yaml,line=3,col=1,endLine=4,endColumn=5,title=r/x::line one%0D%0Aline two: 100%25, done',
    ]);
  });

  it('writes nothing for no findings', () => {
    assert.equal(formatReport('github', { ...sampleReport(), files: [] }, OPTS), '');
  });
});
