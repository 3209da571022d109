import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import { readFast } from '../../server/src/engine/yaml/fast';
import { YamlSource } from '../../server/src/engine/yaml/source';

/**
 * The official YAML test suite (test/data/yaml-test-suite, its `data` branch) through GovSpec, each input named
 * `x.service.yaml` so that it counts as GovSpec (issue 21, point 10): every invalid case gets `yaml/syntax`, no valid
 * case does, whichever reader reads it, and wherever the fast reader takes a case its data equals the suite's
 * `in.json` and the precise parser's.
 */

const SUITE = path.resolve(__dirname, '../data/yaml-test-suite');

interface Case { id: string; name: string; text: string; invalid: boolean; json: unknown[] | undefined }

/** The JSON values of an `in.json`: one per document, written one after the other. */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let rest = text.trim();
  while (rest !== '') {
    let end = 1;
    for (; end <= rest.length; end++) {
      try {
        values.push(JSON.parse(rest.slice(0, end)));
        break;
      } catch { /* not yet a whole value */ }
    }
    assert.ok(end <= rest.length, `unreadable JSON: ${rest.slice(0, 40)}`);
    rest = rest.slice(end).trim();
  }
  return values;
}

function readCase(dir: string, id: string): Case {
  const json = path.join(dir, 'in.json');
  return {
    id, name: fs.readFileSync(path.join(dir, '==='), 'utf8').trim(), text: fs.readFileSync(path.join(dir, 'in.yaml'), 'utf8'),
    invalid: fs.existsSync(path.join(dir, 'error')), json: fs.existsSync(json) ? jsonValues(fs.readFileSync(json, 'utf8')) : undefined,
  };
}

function suiteCases(): Case[] {
  const cases: Case[] = [];
  for (const id of fs.readdirSync(SUITE).filter((d) => /^[0-9A-Z]{4}$/.test(d)).sort()) {
    const dir = path.join(SUITE, id);
    if (fs.existsSync(path.join(dir, 'in.yaml'))) cases.push(readCase(dir, id));
    else for (const sub of fs.readdirSync(dir).sort()) cases.push(readCase(path.join(dir, sub), `${id}/${sub}`));
  }
  return cases;
}

const syntaxFindings = (text: string, source?: YamlSource) =>
  lintFile({ file: 'x.service.yaml', text, config: DEFAULT_CONFIG, today: '2026-01-01', source }).findings.filter((f) => f.ruleId === 'yaml/syntax');

describe('the YAML test suite (yaml/yaml-test-suite, data branch)', function () {
  this.timeout(120_000);
  const cases = suiteCases();

  it('is all there: 402 cases, 94 of them invalid', () => {
    assert.equal(cases.length, 402);
    assert.equal(cases.filter((c) => c.invalid).length, 94);
  });

  it('every invalid case gets yaml/syntax, from the fast path and from the precise parser alone', () => {
    const missed = cases.filter((c) => c.invalid).flatMap((c) => [
      ...(syntaxFindings(c.text).length === 0 ? [`${c.id} ${c.name}`] : []),
      ...(syntaxFindings(c.text, YamlSource.precise(c.text)).length === 0 ? [`${c.id} ${c.name} (precise)`] : []),
    ]);
    assert.deepEqual(missed, []);
  });

  it('no valid case gets yaml/syntax', () => {
    const flagged = cases.filter((c) => !c.invalid).flatMap((c) => {
      const found = syntaxFindings(c.text);
      return found.length > 0 ? [`${c.id} ${c.name}: ${found[0].message.en}`] : [];
    });
    assert.deepEqual(flagged, []);
  });

  it('wherever the fast reader takes a case, its data is the suite\'s in.json and the precise parser\'s', () => {
    let fast = 0;
    for (const c of cases) {
      const documents = readFast(c.text);
      if (documents === undefined) continue;
      fast++;
      assert.ok(!c.invalid, `${c.id} ${c.name}: the fast reader accepted an invalid input`);
      const data = documents.map((d) => d.value);
      assert.deepStrictEqual(data, YamlSource.precise(c.text).documents.map((d) => d.value), `${c.id} ${c.name}: fast ≠ precise`);
      // Cases without in.json have data JSON cannot write (a null or a mapping as a key): precise equality covers them.
      if (c.json) assert.deepStrictEqual(data, c.json, `${c.id} ${c.name}: fast ≠ in.json`);
    }
    assert.ok(fast > 100, `only ${fast} cases took the fast path`);
  });
});
