import type { Locale } from '../engine';
import { CliError, bilingual } from './cli-error';

/** The `--locale` value, checked: `zh-CN` or `en`. */
export function localeFlag(value: string | undefined): Locale | undefined {
  if (value === undefined || value === 'zh-CN' || value === 'en') return value;
  throw new CliError(bilingual(`--locale 只接受 zh-CN 或 en，而不是“${value}”`, `--locale takes zh-CN or en, not "${value}"`));
}
