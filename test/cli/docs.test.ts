/** docs/cli.md is the CLI's contract: every flag the argument parsers accept, and every format, is in it. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_OPTIONS, flagNames } from '../../server/src/cli/args';
import { LINT_OPTIONS } from '../../server/src/cli/commands/lint';
import { MERGE_OPTIONS } from '../../server/src/cli/commands/merge';
import { REPORT_OPTIONS } from '../../server/src/cli/commands/report';
import { FORMAT_NAMES } from '../../server/src/cli/format';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');

/** A flag written as code in the doc: `--name`, `--name NAME`, `-f, --format …`. */
function documented(flag: string): boolean {
  return new RegExp(`\`[^\`]*(?<![\\w-])${flag.replace(/[-]/g, '\\-')}(?![\\w-])[^\`]*\``).test(DOC);
}

describe('docs/cli.md', () => {
  it('the check finds a flag that is missing', () => {
    assert.equal(documented('--no-such-flag'), false);
    assert.equal(documented('--quiet'), true);
  });

  for (const [command, options] of Object.entries({ common: COMMON_OPTIONS, lint: LINT_OPTIONS, merge: MERGE_OPTIONS, report: REPORT_OPTIONS })) {
    it(`documents every flag of ${command}`, () => {
      assert.deepEqual(flagNames(options).filter((flag) => !documented(flag)), []);
    });
  }

  it('documents every format, and the commands', () => {
    assert.deepEqual(FORMAT_NAMES.filter((name) => !DOC.includes(`| \`${name}\` |`)), []);
    for (const command of ['lint', 'merge', 'report', 'rules', 'explain', 'init']) assert.match(DOC, new RegExp(`\`govspec ${command}\\b`));
  });
});
