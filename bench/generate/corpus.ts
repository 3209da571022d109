/** Writes a benchmark workspace file by file, never holding the corpus in memory. */

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { agencyDocument } from './agencies';
import { Agreement, agreementAt } from './agreements';
import { catalogDocument, RESOURCE_CODE_PATTERN, resourceAt } from './catalogs';
import { breakAgency, breakAgreement, breakCatalog, breakService, Defect, DefectPlan } from './defects';
import { AGENCIES_PER_FILE, SCALES, ScaleName, TODAY } from './scales';
import { serviceDocument } from './services';
import { Workspace } from './workspace';
import { emitDocument, YamlMap } from './yaml-emit';

export interface GenerateOptions {
  scale: ScaleName;
  seed: number;
  outDir: string;
}

export interface ExpectedFinding {
  file: string;
  document: number;
  ruleId: string;
  count: number;
}

export interface Manifest {
  scale: ScaleName;
  seed: number;
  today: string;
  counts: {
    catalogFiles: number;
    resources: number;
    services: number;
    agreements: number;
    agencies: number;
    files: number;
    documents: number;
    injectedDefects: number;
    expectedFindings: number;
  };
  /** Bytes of the workspace files (config and documents), without manifest.json and expected.json. */
  bytes: number;
}

// `root: true`: the corpus sits inside this repository (and its .gitignore) but is a workspace of its own.
const CONFIG = emitDocument({
  root: true,
  extends: 'recommended',
  codePatterns: { resourceCode: RESOURCE_CODE_PATTERN },
  codeLists: { serviceType: { '11': '政府内部审批' } },
});
const CORPUS_FOLDERS = ['agencies', 'catalogs', 'agreements', 'services'];

class CorpusWriter {
  bytes = 0;
  files = 0;
  readonly expected: ExpectedFinding[] = [];

  constructor(readonly root: string) {}

  async write(file: string, text: string): Promise<void> {
    const target = path.join(this.root, ...file.split('/'));
    await writeFile(target, text);
    this.bytes += Buffer.byteLength(text);
    this.files++;
  }

  expect(file: string, document: number, defect: Defect | undefined): void {
    if (defect !== undefined) this.expected.push({ file, document, ruleId: defect.ruleId, count: defect.count });
  }
}

/** Refuses to clear a folder that is not empty and is not a previous corpus. */
async function prepare(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new Error(`${outDir} is not empty and holds no manifest.json; refusing to overwrite it`);
  }
  for (const entry of entries) await rm(path.join(outDir, entry), { recursive: true, force: true });
  for (const folder of CORPUS_FOLDERS) await mkdir(path.join(outDir, folder));
}

const documents = (docs: YamlMap[]) => docs.map(emitDocument).join('---\n');
const padded = (value: number, total: number) => String(value).padStart(Math.max(3, String(total).length), '0');

async function writeAgencies(out: CorpusWriter, workspace: Workspace, plan: DefectPlan): Promise<void> {
  const { agencies } = workspace.scale;
  const fileCount = Math.ceil(agencies / AGENCIES_PER_FILE);
  for (let file = 0; file < fileCount; file++) {
    const name = `agencies/${padded(file + 1, fileCount)}.agency.yaml`;
    const docs: YamlMap[] = [];
    for (let index = file * AGENCIES_PER_FILE; index < Math.min(agencies, (file + 1) * AGENCIES_PER_FILE); index++) {
      const doc = agencyDocument(workspace.seed, workspace.agency(index));
      const defect = plan.byTarget.agency.get(index);
      if (defect !== undefined) breakAgency(defect, doc);
      out.expect(name, docs.length, defect);
      docs.push(doc);
    }
    await out.write(name, documents(docs));
  }
}

async function writeCatalogs(out: CorpusWriter, workspace: Workspace, plan: DefectPlan): Promise<void> {
  const { catalogs, resourcesPerCatalog, agencies } = workspace.scale;
  for (let catalog = 0; catalog < catalogs; catalog++) {
    const resources: YamlMap[] = [];
    for (let position = 0; position < resourcesPerCatalog; position++) {
      resources.push(resourceAt(workspace.seed, catalog, position).document);
    }
    const defect = plan.byTarget.catalog.get(catalog);
    if (defect !== undefined) breakCatalog(defect, resources);
    const name = `catalogs/${padded(catalog + 1, catalogs)}.catalog.yaml`;
    out.expect(name, 0, defect);
    await out.write(name, emitDocument(catalogDocument(workspace.seed, catalog, resources, agencies)));
  }
}

/** Writes the agreements and returns them for the services (defects only touch spare agreements' terms). */
async function writeAgreements(out: CorpusWriter, workspace: Workspace, plan: DefectPlan): Promise<Agreement[]> {
  const clean: Agreement[] = [];
  for (let index = 0; index < workspace.scale.agreements; index++) {
    const agreement = agreementAt(workspace, index);
    clean.push(agreement);
    const defect = plan.byTarget.agreement.get(index);
    const written = defect === undefined ? agreement : breakAgreement(defect, workspace, agreement);
    const name = `agreements/${written.id}.agreement.yaml`;
    out.expect(name, 0, defect);
    await out.write(name, emitDocument(written.document));
  }
  return clean;
}

async function writeServices(out: CorpusWriter, workspace: Workspace, plan: DefectPlan, agreements: Agreement[]): Promise<void> {
  const folders = new Set<string>();
  for (let service = 0; service < workspace.scale.services; service++) {
    const doc = serviceDocument(workspace, service, agreements[workspace.serviceAgreement(service)]);
    const defect = plan.byTarget.service.get(service);
    if (defect !== undefined) breakService(defect, doc, service);
    const folder = `services/${doc.region as string}`;
    if (!folders.has(folder)) {
      folders.add(folder);
      await mkdir(path.join(out.root, folder), { recursive: true });
    }
    const name = `${folder}/${doc.implementationCode as string}.service.yaml`;
    out.expect(name, 0, defect);
    await out.write(name, emitDocument(doc));
  }
}

const byFileThenDocument = (a: ExpectedFinding, b: ExpectedFinding) =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : a.document - b.document);

export async function generateCorpus(options: GenerateOptions): Promise<Manifest> {
  const scale = SCALES[options.scale];
  const workspace = new Workspace(options.seed, scale);
  const plan = new DefectPlan(workspace);
  await prepare(options.outDir);
  const out = new CorpusWriter(options.outDir);
  await out.write('govspec.config.yaml', CONFIG);
  await writeAgencies(out, workspace, plan);
  await writeCatalogs(out, workspace, plan);
  const agreements = await writeAgreements(out, workspace, plan);
  await writeServices(out, workspace, plan, agreements);
  const expected = out.expected.sort(byFileThenDocument);
  const manifest: Manifest = {
    scale: options.scale,
    seed: options.seed,
    today: TODAY,
    counts: {
      catalogFiles: scale.catalogs,
      resources: scale.catalogs * scale.resourcesPerCatalog,
      services: scale.services,
      agreements: scale.agreements,
      agencies: scale.agencies,
      files: out.files,
      documents: scale.catalogs + scale.services + scale.agreements + scale.agencies,
      injectedDefects: expected.length,
      expectedFindings: expected.reduce((sum, entry) => sum + entry.count, 0),
    },
    bytes: out.bytes,
  };
  await writeFile(path.join(options.outDir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  await writeFile(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
