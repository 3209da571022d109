import { CliError, bilingual } from '../cli-error';
import { OutputError, writeOutputFile } from '../files/write-output';
import type { Content } from '../files/pieces';

/** Writes a report file (files/write-output.ts says how, by what the path is); a failure is the one-line exit 2 of cli.md. */
export function writeReportFile(file: string, content: Content): void {
  try {
    writeOutputFile(file, content);
  } catch (error) {
    const why = error instanceof OutputError ? error.reason : undefined;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(bilingual(`无法写入报告文件 ${file}：${why?.['zh-CN'] ?? code}`, `cannot write the report to ${file}: ${why?.en ?? code}`));
  }
}
