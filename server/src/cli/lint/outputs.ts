/**
 * Where a run's reports go: `-f NAME` (standard output, or `-o FILE`) and `-f NAME:FILE` (that file), as many as
 * asked for in one run, and whether the `stylish` text is coloured.
 */
import { resolve } from 'node:path';
import { nearestName } from '../../engine';
import type { LintReport } from '../../engine';
import { usageError } from '../args';
import type { CliContext } from '../context';
import { FORMAT_NAMES, formatChunks } from '../format';
import { textBatches } from '../files/pieces';
import type { FormatName, FormatOptions } from '../format';
import { writeReportFile } from './write-report';

/** One report to write: its format, and its file (absolute), or standard output when undefined. */
export interface OutputSpec { format: FormatName; file: string | undefined }

/** A format name as given, checked, with a did-you-mean for a typo. */
export function formatNameOf(command: string, value: string): FormatName {
  if ((FORMAT_NAMES as readonly string[]).includes(value)) return value as FormatName;
  const guess = nearestName(value, FORMAT_NAMES);
  throw usageError(command,
    `未知的输出格式“${value}”；${guess ? `是否指 ${guess}？` : `可用：${FORMAT_NAMES.join('、')}`}`,
    `unknown format "${value}"; ${guess ? `did you mean ${guess}?` : `use one of ${FORMAT_NAMES.join(', ')}`}`);
}

/**
 * The reports of a run from its `-f` and `-o` flags. `-f NAME:FILE` writes to FILE; at most one `-f NAME` without a
 * file, which goes to `-o FILE` or standard output. With no `-f` at all, `fallback` goes there.
 */
export function outputsOf(command: string, ctx: CliContext, formats: readonly string[] | undefined, outputFile: string | undefined, fallback: FormatName): OutputSpec[] {
  const main = outputFile === undefined ? undefined : resolve(ctx.cwd, outputFile);
  const specs = (formats ?? [fallback]).map((value): OutputSpec => {
    const colon = value.indexOf(':');
    if (colon < 0) return { format: formatNameOf(command, value), file: main };
    const file = value.slice(colon + 1);
    if (file === '') throw usageError(command, `-f ${value} 缺少文件名`, `-f ${value} names no file`);
    return { format: formatNameOf(command, value.slice(0, colon)), file: resolve(ctx.cwd, file) };
  });
  const bare = (formats ?? [fallback]).filter((value) => !value.includes(':'));
  if (bare.length > 1) {
    throw usageError(command, `只能有一个 -f 不带文件名（${bare.join('、')}）；其余请写作 -f NAME:FILE`, `only one -f may go without a file (${bare.join(', ')}); write the others as -f NAME:FILE`);
  }
  const files = specs.flatMap((spec) => (spec.file ? [spec.file] : []));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice) throw usageError(command, `两个报告写向同一个文件：${twice}`, `two reports are written to the same file: ${twice}`);
  return specs;
}

/** The colour flags a command was given. */
export interface ColourFlags { color?: boolean; 'no-color'?: boolean }

/**
 * Whether `stylish` text is coloured. Standard output: `--color`/`--no-color` (the later one wins), then `FORCE_COLOR`
 * (`0` or `false` turn colour off), then `NO_COLOR` (any non-empty value), then whether it is a terminal. A file
 * gets colour only when `--color` asks for it.
 */
export function colourOf(flags: ColourFlags, args: readonly string[], ctx: CliContext, toFile: boolean): boolean {
  const flag = flags.color || flags['no-color'] ? args.lastIndexOf('--color') > args.lastIndexOf('--no-color') : undefined;
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (ctx.env.NO_COLOR) return false;
  return ctx.stdoutIsTTY;
}

/**
 * Writes each report as it is made, in pieces, so that no report is too large to write: files atomically, at most one
 * to standard output, which is waited on after each batch (`stdoutDrained`) rather than queued whole.
 */
export async function writeOutputs(specs: readonly OutputSpec[], report: LintReport, ctx: CliContext, options: (spec: OutputSpec) => FormatOptions): Promise<void> {
  for (const spec of specs) {
    const pieces = formatChunks(spec.format, report, options(spec));
    if (spec.file) {
      writeReportFile(spec.file, pieces);
      continue;
    }
    for (const batch of textBatches(pieces)) {
      ctx.stdout(batch);
      await ctx.stdoutDrained?.();
    }
  }
}
