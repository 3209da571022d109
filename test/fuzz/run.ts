import { checkInProcess, checkThroughCli, makeCase, seeds } from './campaign';

/**
 * `npm run fuzz [-- --seed N --cases N --cli N]`: the mutation campaign of test/fuzz/campaign.ts, in process over
 * `--cases` cases (default 10,000), then through the built CLI over the first `--cli` of them (default 600, in
 * workspaces of 100 files). Prints its figures and every defect; exits 1 when it found any.
 */

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`fuzz: --${name} takes a whole number\n`);
    process.exit(2);
  }
  return value;
}

const seed = option('seed', 20261201);
const count = option('cases', 10_000);
const cliCount = Math.min(option('cli', 600), count);
const examples = seeds();
const defects: string[] = [];

let started = performance.now();
const cases = Array.from({ length: count }, (_, id) => makeCase(seed, id, examples));
for (const c of cases) {
  const problems = checkInProcess(c);
  if (problems.length > 0) defects.push(`case ${c.id} (${c.file}; ${c.mutations.join('; ')}):\n  ${problems.join('\n  ')}`);
}
const engineSeconds = (performance.now() - started) / 1000;
process.stdout.write(`engine: ${count} cases in ${engineSeconds.toFixed(1)} s, ${defects.length} with defects\n`);

started = performance.now();
const before = defects.length;
for (let i = 0; i < cliCount; i += 100) {
  for (const p of checkThroughCli(cases.slice(i, Math.min(cliCount, i + 100)))) defects.push(`CLI, cases ${i}-${Math.min(cliCount, i + 100) - 1}: ${p}`);
}
process.stdout.write(`cli: ${cliCount} cases (--concurrency 1 and 2, --fix) in ${((performance.now() - started) / 1000).toFixed(1)} s, ${defects.length - before} defects\n`);

for (const d of defects) process.stdout.write(`${d}\n`);
process.stdout.write(`seed ${seed}: ${defects.length === 0 ? 'no defect' : `${defects.length} defects`}\n`);
process.exitCode = defects.length === 0 ? 0 : 1;
