import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateCorpus, Manifest } from '../../bench/generate';
import type { ExpectedFinding } from '../../bench/generate';

/** Rule ids of rules.md that a generated defect may name. */
const KNOWN_RULES = new Set([
  'yaml/syntax', 'yaml/duplicate-key', 'yaml/unsafe', 'schema/unknown-kind', 'schema/required', 'schema/unknown-field',
  'schema/type', 'schema/enum', 'schema/format', 'id/uscc', 'id/uscc-org-code', 'id/region', 'id/uscc-region',
  'id/code-pattern', 'service/promised-exceeds-statutory', 'service/limit-unit-mismatch', 'service/licensing-limit',
  'service/case-type-limit', 'service/fee-basis', 'service/online-url', 'service/onsite-reason', 'service/max-one-visit',
  'service/original-for-shared-licence', 'service/enforcement-not-service', 'service/commitment-complete',
  'service/offline-channel', 'service/type-extension', 'service/duplicate-code', 'service/duplicate-material-id',
  'service/shared-material-agreement', 'service/resubmitted-shared-data', 'catalog/none-needs-basis',
  'catalog/conditional-needs-condition', 'catalog/base-unconditional', 'catalog/code-classification',
  'catalog/format-mode', 'catalog/item-length', 'catalog/classified', 'catalog/sensitive-exposure',
  'catalog/high-grade-open', 'catalog/duplicate-code', 'catalog/related-exists', 'agreement/resource-exists',
  'agreement/item-exists', 'agreement/provider-owns-resource', 'agreement/unshared-resource',
  'agreement/conditional-needs-reply', 'agreement/reply-deadline', 'agreement/onward-transfer',
  'agreement/sensitive-safeguards', 'agreement/grade-assessment', 'agreement/validity', 'agreement/expired',
  'agreement/self-sharing', 'agreement/services-exist', 'agreement/duplicate-id', 'agency/name-mismatch',
  'agency/unknown', 'agency/duplicate',
]);

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100 check and GB 11714 check of characters 9–17, written independently of the generator. */
function usccValid(code: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((acc, weight, i) => acc + USCC_CHARSET.indexOf(code[i]) * weight, 0);
  if (USCC_CHARSET[(31 - (sum % 31)) % 31] !== code[17]) return false;
  const org = code.slice(8, 17);
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = orgWeights.reduce((acc, weight, i) => acc + parseInt(org[i], 36) * weight, 0);
  const check = 11 - (orgSum % 11);
  return org[8] === (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  }).sort();
}

function corpusHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(root)) hash.update(path.relative(root, file)).update(readFileSync(file));
  return hash.digest('hex');
}

describe('bench corpus generator', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  let root = '';
  let manifest: Manifest;
  let expected: ExpectedFinding[];

  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govspec-corpus-'));
    dirs.push(dir);
    return dir;
  };
  const yamlFiles = () => filesUnder(root).filter((file) => file.endsWith('.yaml'));
  let parsed: { file: string; docs: ReturnType<typeof parseAllDocuments> }[] | undefined;
  const parsedFiles = () => (parsed ??= yamlFiles().map((file) => ({ file, docs: parseAllDocuments(readFileSync(file, 'utf8')) })));

  before(async () => {
    root = tempDir();
    manifest = await generateCorpus({ scale: 'small', seed: 7, outDir: root });
    expected = JSON.parse(readFileSync(path.join(root, 'expected.json'), 'utf8')) as ExpectedFinding[];
  });

  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes byte-identical corpora for the same seed, and a different one for another seed', async () => {
    const again = tempDir();
    await generateCorpus({ scale: 'small', seed: 7, outDir: again });
    assert.equal(corpusHash(again), corpusHash(root));
    const other = tempDir();
    await generateCorpus({ scale: 'tiny', seed: 8, outDir: other });
    const tiny = tempDir();
    await generateCorpus({ scale: 'tiny', seed: 7, outDir: tiny });
    assert.notEqual(corpusHash(other), corpusHash(tiny));
  });

  it('writes the counts of the small scale and records them in the manifest', () => {
    assert.equal(manifest.today, '2026-06-01');
    assert.deepEqual(
      [manifest.counts.catalogFiles, manifest.counts.resources, manifest.counts.services, manifest.counts.agreements, manifest.counts.agencies],
      [20, 6500, 200, 12, 50],
    );
    const files = yamlFiles();
    assert.equal(files.filter((file) => file.endsWith('.service.yaml')).length, 200);
    assert.equal(files.filter((file) => file.endsWith('.catalog.yaml')).length, 20);
    assert.equal(files.filter((file) => file.endsWith('.agreement.yaml')).length, 12);
    const bytes = files.filter((file) => !file.endsWith('govspec.config.yaml')).reduce((sum, file) => sum + statSync(file).size, 0);
    assert.equal(bytes + statSync(path.join(root, 'govspec.config.yaml')).size, manifest.bytes);
  });

  it('writes documents that parse as YAML, each of a GovSpec kind', () => {
    const kinds = new Map<string, number>();
    for (const { file, docs } of parsedFiles()) {
      for (const doc of docs) {
        assert.deepEqual(doc.errors, [], file);
        const value = doc.toJS() as { apiVersion?: string; kind?: string };
        if (file.endsWith('govspec.config.yaml')) continue;
        assert.equal(value.apiVersion, 'govspec/v1', file);
        kinds.set(value.kind as string, (kinds.get(value.kind as string) ?? 0) + 1);
      }
    }
    assert.deepEqual(Object.fromEntries(kinds), { Agency: 50, Catalog: 20, SharingAgreement: 12, Service: 200 });
  });

  it('writes only valid USCCs, except the one broken by each id/uscc defect', () => {
    const broken = new Set(expected.filter((entry) => entry.ruleId === 'id/uscc').map((entry) => path.join(root, entry.file)));
    let checked = 0;
    for (const file of yamlFiles()) {
      const codes = [...readFileSync(file, 'utf8').matchAll(/(?:uscc|parent): "?([0-9A-Z]{18})"?/g)].map((match) => match[1]);
      const invalid = codes.filter((code) => !usccValid(code));
      assert.equal(invalid.length, broken.has(file) ? 1 : 0, `${file}: ${invalid.join(', ')}`);
      checked += codes.length;
    }
    assert.ok(checked >= 500, String(checked));
  });

  it('lists about 1 % of documents as defective, each with a known rule and an existing file', () => {
    const documents = manifest.counts.documents;
    assert.ok(expected.length >= documents * 0.005 && expected.length <= documents * 0.02, String(expected.length));
    const places = new Set(expected.map((entry) => `${entry.file}#${entry.document}`));
    assert.equal(places.size, expected.length, 'one defect per document');
    for (const entry of expected) {
      assert.ok(KNOWN_RULES.has(entry.ruleId), entry.ruleId);
      assert.ok(entry.count >= 1);
      assert.ok(statSync(path.join(root, entry.file)).isFile(), entry.file);
    }
  });

  it('never names an applicant material like a catalogue resource', () => {
    const resourceNames = new Set<string>();
    const applicantNames = new Set<string>();
    for (const { file, docs } of parsedFiles()) {
      for (const doc of docs) {
        const value = doc.toJS() as { resources?: { name?: string }[]; materials?: { name: string; source: string }[] };
        if (file.endsWith('.catalog.yaml')) value.resources?.forEach((resource) => resourceNames.add(resource.name as string));
        value.materials?.filter((m) => m.source === 'applicant').forEach((m) => applicantNames.add(m.name));
      }
    }
    assert.ok(resourceNames.size > 0 && applicantNames.size > 0);
    for (const name of applicantNames) assert.ok(!resourceNames.has(name), name);
  });
});
