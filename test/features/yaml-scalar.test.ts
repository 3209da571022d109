import * as assert from 'assert';
import { parse } from 'yaml';
import { quotedCode, readsBackPlain, rewriteCode, rewriteScalar, yamlString } from '../../server/src/engine/text/yaml-scalar';

/** Where a replacement scalar may stand: block and flow mappings and sequences, alone or before a sibling. */
const PLACES: [string, (text: string) => unknown][] = [
  ['block mapping', (t) => parse(`k: ${t}\n`).k],
  ['flow mapping', (t) => parse(`{ k: ${t}, j: 1 }`).k],
  ['block sequence', (t) => parse(`- ${t}\n- 1\n`)[0]],
  ['flow sequence', (t) => parse(`[${t}, 1]`)[0]],
];

const TRICKY = [
  '广安市广安区民政局', 'Ministry of Commerce', '姓名（中文）', 'a:b', 'a#b', 'GA-2025-001', '1010100001/00001', '01', '12号',
  'yes', 'No', 'null', '~', 'true', '.inf', '-.5', '0x1F', '1e3', '', ' lead', 'trail ', 'trail\u00a0', 'a: b', 'abc:',
  'a #b', 'a, b', '[x]', '{x}', '- x', '? x', '&a', '*a', '!t', '|', '>', '%d', '@x', '`x', "it's", 'say "hi"', '...',
  '---', 'line\nbreak', 'tab\there', '\ufeffbom', 'del\x7f', 'nel\u0085', 'back\\slash',
];

describe('text/yaml-scalar: a replacement reads back as the same string', () => {
  for (const [where, read] of PLACES) {
    it(`in a ${where}, in every quoting style it may be written in`, () => {
      for (const value of TRICKY) {
        for (const written of [undefined, 'plain', '"double"', "'single'"]) {
          const text = rewriteScalar(written, value);
          assert.strictEqual(read(text), value, `${JSON.stringify(value)} written after ${written} as ${text}`);
        }
        assert.strictEqual(read(yamlString(value)), value, `yamlString(${JSON.stringify(value)})`);
      }
    });
  }

  it('keeps the quoting the old scalar was written with, and plain only where it reads back', () => {
    assert.strictEqual(rewriteScalar("'old'", "it's"), "'it''s'");
    assert.strictEqual(rewriteScalar('"old"', '姓名'), '"姓名"');
    assert.strictEqual(rewriteScalar('old', '姓名'), '姓名');
    assert.strictEqual(rewriteScalar('old', 'Ministry of Commerce'), 'Ministry of Commerce');
    for (const value of ['01', 'yes', 'a, b', 'abc:', 'a #b', '', 'trail ']) assert.ok(!readsBackPlain(value), value);
  });

  it('writes codes quoted: in the single quotes they had, else double', () => {
    assert.strictEqual(quotedCode('01'), '"01"');
    assert.strictEqual(rewriteCode("'110108'", '110101'), "'110101'");
    assert.strictEqual(rewriteCode('110108', '110101'), '"110101"');
    assert.strictEqual(rewriteCode(undefined, '110101'), '"110101"');
  });
});
