import { isRealDate } from '../engine/calendar/dates';
import { CliError, bilingual } from './cli-error';

/** docs/semantics.md: the day date rules take as today, by default the current date in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

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
