import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { caseTexts, checkCase, describeOutcome, readExpectations } from '../support/fixtures';

/**
 * Issue 13: acceptance workspaces written from the contract alone, linted as workspaces through the engine (with
 * the nearest config of each file, config) and compared with their inline `# expect:` comments. Each also holds
 * precision traps, places where a naive reading would report and a correct one does not (marked in comments).
 */
const ROOT = __dirname;

describe('acceptance workspaces', () => {
  for (const name of fs.readdirSync(ROOT).filter((n) => fs.statSync(path.join(ROOT, n)).isDirectory()).sort()) {
    it(name, () => {
      const casePath = path.join(ROOT, name);
      assert.ok([...caseTexts(casePath)].some(([file, text]) => readExpectations(file, text).length > 0), 'the workspace expects findings');
      assert.strictEqual(describeOutcome(checkCase(casePath)), '');
    });
  }
});
