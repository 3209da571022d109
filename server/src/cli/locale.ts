import type { Locale } from '../engine/types';
import { CliError, bilingual } from './cli-error';

/** The environment variables that name a language, in the order POSIX gives them precedence. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** docs/semantics.md: `--locale`, then the config's `locale`, then LC_ALL, LC_MESSAGES, LANG (zh* → zh-CN, else en). */
export function resolveLocale(flag: Locale | undefined, configured: Locale | undefined, env: NodeJS.ProcessEnv): Locale {
  if (flag) return flag;
  if (configured) return configured;
  const named = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  return named?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The `--locale` value, checked: `zh-CN` or `en`. */
export function localeFlag(value: string | undefined): Locale | undefined {
  if (value === undefined || value === 'zh-CN' || value === 'en') return value;
  throw new CliError(bilingual(`--locale 只接受 zh-CN 或 en，而不是“${value}”`, `--locale takes zh-CN or en, not "${value}"`));
}
