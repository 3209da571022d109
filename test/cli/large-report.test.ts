/**
 * A report of hundreds of thousands of findings is written in pieces: json through a pipe to standard output (which
 * the CLI waits on rather than queueing), sarif to a file. Each parses and counts what the run found. The million-
 * finding case, past V8's longest string, is in `test/cli/format/streaming.test.ts` (in process) and in the benchmark.
 */
import * as assert from 'assert';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyCatalog, MISSING_PER_RESOURCE } from '../../bench/generate/legacy-catalog';
import { TODAY, Workspace, ensureBuilt } from './harness';

const RESOURCES = 25_000;
const BIN = join(__dirname, '..', '..', 'bin', 'govspec.js');

/** Runs the CLI with standard output a pipe read in its own time, and returns all it wrote. */
function runPiped(cwd: string, args: string[]): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr }));
  });
}

describe('cli: a report of hundreds of thousands of findings', function () {
  this.timeout(600_000);
  before(ensureBuilt);

  it(`json on a pipe and sarif in a file, for ${RESOURCES} resources × ${MISSING_PER_RESOURCE} findings`, async () => {
    const ws = new Workspace();
    try {
      ws.write({ 'legacy.catalog.yaml': legacyCatalog(RESOURCES) });
      const r = await runPiped(ws.root, ['lint', '-f', 'json', '-f', 'sarif:out/report.sarif', '--today', TODAY, '--no-progress', '--locale', 'en', '.']);
      assert.strictEqual(r.status, 1, r.stderr);
      const expected = RESOURCES * MISSING_PER_RESOURCE;
      const json = JSON.parse(r.stdout.toString('utf8')) as { results: { ruleId: string }[]; summary: { errors: number } };
      assert.strictEqual(json.results.length, expected);
      assert.strictEqual(json.summary.errors, expected);
      assert.ok(json.results.every((result) => result.ruleId === 'schema/required'));
      const sarif = JSON.parse(readFileSync(join(ws.root, 'out', 'report.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
      assert.strictEqual(sarif.runs[0].results.length, expected);
    } finally {
      ws.cleanup();
    }
  });
});
