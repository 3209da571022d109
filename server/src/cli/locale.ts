import type { Locale } from '../engine';
import { CliError, bilingual } from './cli-error';
import { isLocale } from '../host/locale';

/** The `--locale` value, checked: `zh-CN` or `en`. */
export function localeFlag(value: string | undefined): Locale | undefined {
  if (value === undefined || isLocale(value)) return value;
  throw new CliError(bilingual(`--locale 只接受 zh-CN 或 en，而不是“${value}”`, `--locale takes zh-CN or en, not "${value}"`));
}
