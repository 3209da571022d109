/** YAML syntax errors explained in the report's language, once, at the line of the mistake (issue 17, point 14). */
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';

const AGENCY = 'apiVersion: govspec/v1\nkind: Service\nname: 食品经营许可\n';

function syntax(text: string) {
  return lintFile({ file: 'a.service.yaml', text, config: DEFAULT_CONFIG, today: '2026-01-01' }).findings
    .filter((f) => f.ruleId === 'yaml/syntax')
    .map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, zh: f.message['zh-CN'], en: f.message.en }));
}

describe('yaml/syntax messages', () => {
  it('an indentation slip is one finding at the line indented too far, not two at the line above', () => {
    const found = syntax(`${AGENCY}implementer:\n  name: 南充市顺庆区市场监督管理局\n   uscc: "11511301008778183N"\n  nature: "1"\n`);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0].line, found[0].column], [6, 4]);
    assert.equal(found[0].zh, 'YAML 语法错误：这一行比同一层的键缩进得更深，被读成了上一行取值的延续。请让同一层的键对齐到同一列。');
    assert.match(found[0].en, /^YAML syntax error: this line is indented further than the keys beside it/);
  });

  it('an unclosed [ is reported where it opens', () => {
    const [found] = syntax(`${AGENCY}levels: ["4"\nregion: "511302"\n`);
    assert.deepEqual([found.line, found.column], [4, 9]);
    assert.match(found.zh, /以 \[ 开始的列表没有用 \] 结束/);
  });

  it('speaks Chinese in the Chinese message, for every mistake it explains', () => {
    for (const text of [
      `${AGENCY}implementer:\n  name: x\n uscc: y\n`,
      `${AGENCY}implementer:\n\tname: x\n`,
      `${AGENCY}region: "511302\n`,
      `${AGENCY}fee: a: b\n`,
      `${AGENCY}levels: [1, 2\nregion: x\n`,
    ]) {
      const found = syntax(text);
      assert.ok(found.length > 0, text);
      for (const f of found) assert.doesNotMatch(f.zh.replace(/^YAML/, ''), /[A-Za-z]{4,}/, `${text}: ${f.zh}`);
    }
    assert.deepEqual(syntax(`${AGENCY}implementer: *nowhere\n`).map((f) => f.zh), ['YAML 语法错误：别名 *nowhere 之前没有定义锚点 &nowhere。']);
  });
});
