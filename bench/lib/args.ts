/** `npm run bench -- --scale small|medium|national [--runs N] [--seed N] [--requests N] [--only a,b]` */

import { parseArgs } from 'node:util';
import { isScaleName, ScaleName } from '../generate/scales';

export interface BenchArgs { scale: ScaleName; runs: number; seed: number; requests: number; only: Set<string> | null; findingsMax: number }

export const USAGE = 'usage: npm run bench -- --scale tiny|small|medium|national [--runs N] [--seed N] [--requests N] [--only corpus,lint,warm-edits,floors,reader,spectral,lsp,extension,findings,sheets,map] [--findings-max N]';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'small' }, runs: { type: 'string' }, seed: { type: 'string', default: '1' },
      requests: { type: 'string', default: '200' }, only: { type: 'string' }, 'findings-max': { type: 'string' },
    },
  });
  const scale = values.scale ?? 'small';
  if (!isScaleName(scale)) throw new Error(USAGE);
  const runs = values.runs === undefined ? (scale === 'national' ? 1 : 3) : Number(values.runs);
  const seed = Number(values.seed);
  const requests = Number(values.requests);
  if (![runs, seed, requests].every((n) => Number.isInteger(n) && n >= 0) || runs < 1) throw new Error(USAGE);
  const only = values.only === undefined ? null : new Set(values.only.split(','));
  // The million-resource catalogue takes minutes: measured nationally, or when asked for.
  const findingsMax = Number(values['findings-max'] ?? (scale === 'national' ? 1_000_000 : 100_000));
  if (!Number.isInteger(findingsMax) || findingsMax < 1) throw new Error(USAGE);
  return { scale, runs, seed, requests, only, findingsMax };
}
