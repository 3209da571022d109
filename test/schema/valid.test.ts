import { strict as assert } from 'assert';
import { readdirSync } from 'fs';
import { join } from 'path';
import type { Kind } from '../../server/src/engine/types';
import { validateConfig, validateDocument } from '../../server/src/engine/schema/validate';
import { fixture } from './helpers';

const files = readdirSync(join(__dirname, 'valid')).filter((f) => f.endsWith('.yaml')).sort();

describe('schema: valid documents', () => {
  it('has a fixture of every kind and of the config', () => {
    const kinds = files.filter((f) => f !== 'govspec.config.yaml').map((f) => fixture(f).kind).sort();
    assert.deepEqual(kinds, ['Agency', 'Catalog', 'Service', 'SharingAgreement']);
    assert.ok(files.includes('govspec.config.yaml'));
  });

  for (const file of files) {
    it(`${file} has no schema problems`, () => {
      const data = fixture(file);
      const problems = file === 'govspec.config.yaml' ? validateConfig(data) : validateDocument(data.kind as Kind, data);
      assert.deepEqual(problems.map((p) => `${p.ruleId} ${JSON.stringify(p.path)} ${p.message.en}`), []);
    });
  }
});
