/** docs/config.md is what scripts/generate-config-doc.ts writes: every config key and every rule option is on it. */
import * as assert from 'assert';
import * as fs from 'fs';
import { CONFIG_DOC_PATH, renderConfigDoc } from '../../scripts/generate-config-doc';
import { readSchemas } from '../../scripts/generate-format-doc';
import { ALL_RULES } from '../../server/src/engine/rules/registry';

describe('docs/config.md', () => {
  const committed = fs.existsSync(CONFIG_DOC_PATH) ? fs.readFileSync(CONFIG_DOC_PATH, 'utf8') : '';

  it('is what scripts/generate-config-doc.ts writes', () => {
    assert.ok(committed === renderConfigDoc(), 'docs/config.md is out of date: run npm run docs:config and commit it');
  });

  it('has a row for every top-level key of the config schema', () => {
    const keys = Object.keys(readSchemas().config.properties ?? {});
    assert.deepStrictEqual(keys.filter((key) => !committed.includes(`| \`${key}\` |`)), []);
  });

  it('has a row for every option of every rule, with its type and default', () => {
    const missing = ALL_RULES.flatMap(({ meta }) => Object.entries(meta.options ?? {})
      .filter(([name, spec]) => !new RegExp(`\\| \\[\`${meta.id}\`\\]\\([^)]+\\) \\| \`${name}\` \\| ${spec.type}[^|]* \\| ${JSON.stringify(spec.default)} \\|`).test(committed))
      .map(([name]) => `${meta.id} ${name}`));
    assert.deepStrictEqual(missing, []);
    assert.ok(ALL_RULES.some(({ meta }) => Object.keys(meta.options ?? {}).length > 0), 'some rule has options');
  });
});
