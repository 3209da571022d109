import { isRealDate } from '../engine';
import { todayInShanghai } from '../host/today';
import { CliError, bilingual } from './cli-error';

/** The value of `--today`: a real YYYY-MM-DD date, else a usage error of `command`; absent, today in Asia/Shanghai. */
export function todayOf(command: string, value: string | undefined): string {
  if (value === undefined) return todayInShanghai();
  if (!isRealDate(value)) {
    throw new CliError(bilingual(
      `govspec ${command}：--today 须为真实存在的日期 YYYY-MM-DD，而不是“${value}”`,
      `govspec ${command}: --today takes a real date as YYYY-MM-DD, not "${value}"`,
    ));
  }
  return value;
}
