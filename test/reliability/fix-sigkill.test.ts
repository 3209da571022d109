import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from '../cli/harness';
import { seeded, start, tick, until } from './cli-support';
import { SEED } from './support';

/**
 * Issue 7: `govspec lint --fix` killed with SIGKILL at any moment leaves every file either wholly as it was or wholly
 * fixed (files/atomic-write.ts: temporary file in the same folder, fsync, rename). Temporary files a kill leaves
 * behind are named `.NAME.PID.HEX.tmp`: not `*.yaml`/`*.yml`, so no later run walks, reports or fixes them (they are
 * not cleaned up either; they are the only trace of the kill).
 */

const FILES = 120;
const ROUNDS = 9;
const UNCHANGED = ['govspec.config.yaml', 'example.agency.yaml', 'example.agreement.yaml', 'example.catalog.yaml'];
const TEMP = /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/;

function names(folder: string): string[] {
  return readdirSync(folder).sort();
}

describe('reliability: --fix killed with SIGKILL mid-write', function () {
  this.timeout(600_000);
  let ws: Workspace;
  const original = new Map<string, Buffer>();
  const fixed = new Map<string, Buffer>();

  before(function () {
    ensureBuilt();
    ws = initialised();
    const service = ws.read('example.service.yaml');
    // Big comments make each write long enough for kills to land inside the write phase.
    const padding = `# ${'事项说明填充 padding '.repeat(300)}\n`.repeat(16);
    const files: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) {
      const n = String(i).padStart(4, '0');
      // schema/type's safe fix quotes the code (`type: 01` → `type: "01"`); the first service keeps the code the
      // agreement names, the others get codes of their own.
      files[`orig/s${n}.service.yaml`] = padding + service.replace('type: "01"', 'type: 01').replace('511302000117004000001', i === 0 ? '511302000117004000001' : `51130200011700499${n}`);
    }
    // Each folder is a workspace of its own (its config and the documents the services name), so the copies do not
    // see each other's codes; those files have nothing to fix.
    // (`root: true`: the folders sit inside the workspace of the outer config, docs/semantics.md.)
    for (const name of UNCHANGED) files[`orig/${name}`] = name === 'govspec.config.yaml' ? `root: true\n${ws.read(name)}` : ws.read(name);
    ws.write(files);
    for (const name of names(ws.path('orig'))) original.set(name, readFileSync(ws.path(`orig/${name}`)));
    cpSync(ws.path('orig'), ws.path('expected'), { recursive: true });
    const r = ws.run(['lint', '--fix', '--today', TODAY, '-f', 'json', 'expected']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(jsonOf(r).results, [], 'the fixed copies have nothing left to report');
    for (const name of names(ws.path('expected'))) fixed.set(name, readFileSync(ws.path(`expected/${name}`)));
    assert.deepEqual([...fixed.keys()], [...original.keys()], 'a complete --fix leaves no file behind');
    assert.equal(fixed.size, FILES + UNCHANGED.length);
    for (const [name, bytes] of fixed) {
      if (UNCHANGED.includes(name)) { assert.ok(bytes.equals(original.get(name)!)); continue; }
      assert.notDeepEqual(bytes, original.get(name), `${name} is changed by --fix`);
      assert.equal(bytes.toString('utf8'), original.get(name)!.toString('utf8').replace('type: 01', 'type: "01"'));
    }
  });

  after(() => ws?.cleanup());

  it(`leaves each of ${FILES} files wholly old or wholly new over ${ROUNDS} seeded kills, and leftovers are never linted`, async () => {
    const random = seeded(SEED);
    const first = 's0000.service.yaml';
    let killedWhileWriting = 0;
    let mixed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const folder = `round${round}`;
      cpSync(ws.path('orig'), ws.path(folder), { recursive: true });
      const running = start(ws.root, ['lint', '--fix', '--today', TODAY, '-f', 'json', '--no-progress', folder]);
      // A third of the rounds kill at a seeded moment after the start (while reading and linting), the others once the
      // first file has been replaced, after a seeded number of further polls: few (early in the write phase) or many
      // (late in it, or after the run has ended by itself).
      if (round % 3 === 0) {
        const polls = Math.floor(random() * 400);
        for (let i = 0; i < polls && !running.exited(); i++) await tick();
      } else {
        const size = original.get(first)!.length;
        await until(running, () => statSync(ws.path(`${folder}/${first}`)).size !== size);
        const polls = Math.floor(random() * (round % 3 === 1 ? 4 : 300));
        for (let i = 0; i < polls && !running.exited(); i++) await tick();
      }
      running.child.kill('SIGKILL');
      const end = await running.done;

      let old = 0;
      let updated = 0;
      const leftovers: string[] = [];
      for (const name of names(ws.path(folder))) {
        const bytes = readFileSync(ws.path(`${folder}/${name}`));
        if (!original.has(name)) {
          const m = TEMP.exec(name);
          assert.ok(m && original.has(m[1]), `round ${round}: unexpected file ${name}`);
          leftovers.push(name);
          continue;
        }
        if (bytes.equals(original.get(name)!)) old++;
        else if (bytes.equals(fixed.get(name)!)) updated++;
        else assert.fail(`round ${round}: ${name} is neither its old nor its fixed bytes (${bytes.length} bytes)`);
      }
      assert.equal(old + updated, FILES + UNCHANGED.length, `round ${round}: every file is still there`);
      // The other documents and the config are the same bytes before and after: they counted as old.
      old -= UNCHANGED.length;
      if (end.signal === 'SIGKILL' && updated > 0) killedWhileWriting++;
      if (old > 0 && updated > 0) mixed++;

      // The next run sees only the documents: no temporary file is walked, reported or fixed ...
      const again = ws.run(['lint', '--today', TODAY, '-f', 'json', folder]);
      const report = jsonOf(again);
      assert.equal(report.summary.files, FILES + UNCHANGED.length - 1, `round ${round}: ${again.stderr}`);
      assert.ok(report.results.every((r) => /\/s\d{4}\.service\.yaml$/.test(r.file)), `round ${round}: ${JSON.stringify(report.results.map((r) => r.file))}`);
      assert.equal(report.results.filter((r) => r.ruleId === 'schema/type').length, old, `round ${round}: the unfixed files still report schema/type`);
      // ... and finishing the job gives exactly the fixed files, the leftovers untouched beside them.
      const finish = ws.run(['lint', '--fix', '--today', TODAY, '-f', 'json', folder]);
      assert.equal(finish.status, 0, finish.stdout + finish.stderr);
      for (const [name, bytes] of fixed) assert.ok(readFileSync(ws.path(`${folder}/${name}`)).equals(bytes), `round ${round}: ${name} after a second --fix`);
      assert.deepEqual(names(ws.path(folder)).filter((n) => !original.has(n)), leftovers, `round ${round}: a later run neither adds nor reads temporary files`);
    }
    assert.ok(killedWhileWriting > 0, 'at least one kill landed after the first file was replaced and before the run ended');
    assert.ok(mixed > 0, 'at least one kill left some files fixed and some not, so the check above saw a write phase cut short');
  });
});
