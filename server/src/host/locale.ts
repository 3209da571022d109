import type { Locale } from '../engine';

/** The environment variables that name a language, in the order POSIX gives them precedence. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** Whether a setting or flag names one of the engine's locales exactly (`zh-CN`, `en`); a tag goes to localeOfTag. */
export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The locale when nothing says otherwise (docs/semantics.md: the first readers are Chinese agencies). */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A language tag (`zh_CN.UTF-8`, `en-US`, `zh-Hant`) as the engine's locale: zh* → zh-CN, en* → en, else the default. */
export function localeOfTag(tag: string): Locale {
  const lower = tag.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

/** `C`, `C.UTF-8` and `POSIX` name no language: they are passed over as if unset. */
function namesALanguage(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== 'C' && !value.startsWith('C.') && value !== 'POSIX';
}

/** The locale the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that names a language. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale | undefined {
  const named = LOCALE_VARIABLES.map((name) => env[name]).find(namesALanguage);
  return named === undefined ? undefined : localeOfTag(named);
}

/**
 * docs/semantics.md, for every command and for the language server: the flag (or editor setting), then the config's
 * `locale`, then what the host's surroundings ask for (`ambient`: the editor's language; the environment), else zh-CN.
 */
export function resolveLocale(flag: Locale | undefined, configured: Locale | undefined, ...ambient: (Locale | undefined)[]): Locale {
  return flag ?? configured ?? ambient.find((l) => l !== undefined) ?? DEFAULT_LOCALE;
}
