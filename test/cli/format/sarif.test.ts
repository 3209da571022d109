import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { formatReport } from '../../../server/src/cli/format';
import { pathToUri } from '../../../server/src/cli/format/sarif';
import { ruleDocUrl, type LintReport } from '../../../server/src/engine/types';
import { finding, range, sampleReport } from './sample-report';

const OPTS = { color: false, toolVersion: '1.2.3' };
/** RFC 3986 URI and relative reference, without percent-decoding checks beyond the `%XX` shape. */
const URI_CHAR = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2}";
const URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:(?:${URI_CHAR}|#)*$`);
const URI_REFERENCE = new RegExp(`^(?:${URI_CHAR})*(?:#(?:${URI_CHAR})*)?$`);

function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif-2.1.0-subset.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addFormat('uri', URI);
  ajv.addFormat('uri-reference', URI_REFERENCE);
  return ajv.compile(schema);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function sarif(report: LintReport): Json {
  return JSON.parse(formatReport('sarif', report, OPTS));
}

describe('sarif format', () => {
  const validate = sarifValidator();

  function assertValid(log: unknown): void {
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  }

  it('is valid SARIF 2.1.0 in both locales', () => {
    assertValid(sarif(sampleReport('zh-CN')));
    assertValid(sarif(sampleReport('en')));
  });

  it('is valid with no findings and with a rule missing from the metadata', () => {
    assertValid(sarif({ ...sampleReport(), files: [] }));
    const unknown: LintReport = { ...sampleReport(), files: [{
      file: 'x.yaml', documents: [], findings: [finding({ ruleId: 'meta/internal-error', file: 'x.yaml', range: range(0, 0, 0, 0) })],
    }] };
    const log = sarif(unknown);
    assertValid(log);
    assert.deepEqual(log.runs[0].tool.driver.rules, [{ id: 'meta/internal-error', helpUri: ruleDocUrl('meta/internal-error') }]);
  });

  it('the schema rejects what SARIF forbids', () => {
    const log = sarif(sampleReport());
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'info';
    assert.equal(validate(broken), false);
    const zeroColumn = structuredClone(log);
    zeroColumn.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0;
    assert.equal(validate(zeroColumn), false);
    const rawUri = structuredClone(log);
    rawUri.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b/人口.yaml';
    assert.equal(validate(rawUri), false);
    const extraField = structuredClone(log);
    extraField.runs[0].results[0].severity = 'error';
    assert.equal(validate(extraField), false);
    assert.ok(validate(log));
  });

  it('names the schema, the version, the tool and the column kind', () => {
    const log = sarif(sampleReport());
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual([log.runs[0].tool.driver.name, log.runs[0].tool.driver.version], ['govspec', '1.2.3']);
  });

  it('describes each rule that appears once, with both languages, its doc and its citation', () => {
    const driver = sarif(sampleReport('en')).runs[0].tool.driver;
    assert.deepEqual(driver.rules.map((r: Json) => r.id), [
      'catalog/item-length', 'id/uscc', 'schema/enum', 'service/fee-basis', 'service/shared-material-agreement', 'yaml/unsafe',
    ]);
    const uscc = driver.rules.find((r: Json) => r.id === 'id/uscc');
    assert.equal(uscc.fullDescription.text, '统一社会信用代码格式或校验位错误\n\nMalformed USCC or wrong check character');
    assert.equal(uscc.shortDescription.text, 'Malformed USCC or wrong check character');
    assert.equal(uscc.helpUri, ruleDocUrl('id/uscc'));
    assert.deepEqual(uscc.properties, { source: 'GB 32100-2015', defaultSeverity: 'error', scope: 'file', fixable: 'safe' });
  });

  it('points each result at its rule and maps severities to levels', () => {
    const run = sarif(sampleReport()).runs[0];
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const levels = Object.fromEntries(run.results.map((r: Json) => [r.ruleId, r.level]));
    assert.equal(levels['service/fee-basis'], 'error');
    assert.equal(levels['service/shared-material-agreement'], 'warning');
    assert.equal(levels['catalog/item-length'], 'note');
  });

  it('writes 1-based regions, a percent-encoded URI under %SRCROOT%, and related locations', () => {
    const results = sarif(sampleReport('en')).runs[0].results;
    const info = results.find((r: Json) => r.ruleId === 'catalog/item-length');
    assert.deepEqual(info.locations[0].physicalLocation, {
      artifactLocation: { uri: 'catalogs/%E4%BA%BA%E5%8F%A3.catalog.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 21, startColumn: 15, endLine: 21, endColumn: 19 },
    });
    const withRelated = results.find((r: Json) => r.relatedLocations);
    assert.deepEqual(withRelated.relatedLocations, [{
      id: 0,
      physicalLocation: {
        artifactLocation: { uri: 'agreements/xy.agreement.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 10, startColumn: 11, endLine: 10, endColumn: 21 },
      },
      message: { text: 'validity ends here' },
    }]);
  });

  it('carries safe fixes only', () => {
    const results = sarif(sampleReport('en')).runs[0].results;
    assert.deepEqual(results.find((r: Json) => r.ruleId === 'id/uscc').fixes, [{
      description: { text: 'Upper-case it' },
      artifactChanges: [{
        artifactLocation: { uri: 'services/passport.service.yaml', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 13, startColumn: 9, endLine: 13, endColumn: 27 }, insertedContent: { text: '11100000000000000X' } }],
      }],
    }]);
    assert.equal(results.find((r: Json) => r.ruleId === 'schema/enum').fixes, undefined);
    assert.equal(results.filter((r: Json) => r.fixes).length, 1);
  });

  it('encodes each path segment but keeps the separators', () => {
    assert.equal(pathToUri('a b/c#d/<stdin>'), 'a%20b/c%23d/%3Cstdin%3E');
    assert.equal(pathToUri('x:y/z.yaml'), 'x%3Ay/z.yaml');
  });
});
