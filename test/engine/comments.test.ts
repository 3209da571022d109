import * as assert from 'assert';
import { parseYaml } from '../../server/src/engine/yaml/parse';

describe('comments of the precise parse', () => {
  it('are all there on first use, also in a text without suppressions (the editor\'s "disable for this line" needs them)', () => {
    const parsed = parseYaml('a: 1   # 缺陷示例\nb: "# not a comment"\n');
    assert.deepStrictEqual(parsed.comments.map((c) => [c.offset, c.text]), [[7, '# 缺陷示例']]);
  });
});
