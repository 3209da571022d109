/** npx tsx bench/generate/cli.ts --scale small|medium|national|tiny [--seed N] [--out DIR] */

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus';
import { isScaleName } from './scales';

const USAGE = 'usage: tsx bench/generate/cli.ts --scale tiny|small|medium|national [--seed N] [--out DIR]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  const scale = values.scale ?? '';
  const seed = Number(values.seed);
  if (!isScaleName(scale) || !Number.isInteger(seed) || seed < 0) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const outDir = values.out ?? path.join(__dirname, '..', 'corpus', scale);
  const started = process.hrtime.bigint();
  const manifest = await generateCorpus({ scale, seed, outDir });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const megabytes = manifest.bytes / 1_048_576;
  console.log(`${scale} (seed ${seed}) → ${outDir}`);
  console.log(`  ${manifest.counts.files} files, ${manifest.counts.documents} documents, ${megabytes.toFixed(1)} MiB`);
  console.log(`  ${manifest.counts.injectedDefects} injected defects (${manifest.counts.expectedFindings} expected findings)`);
  console.log(`  ${seconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
