import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError, bilingual } from '../cli-error';
import { writeFileAtomic } from '../files/atomic-write';

/** Writes a report file atomically, its folder made first; a failure is the one-line exit 2 of cli.md. */
export function writeReportFile(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(bilingual(`无法写入报告文件 ${file}：${code}`, `cannot write the report to ${file}: ${code}`));
  }
}
