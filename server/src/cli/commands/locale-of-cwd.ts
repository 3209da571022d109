import { ConfigResolver } from '../lint/configs';
import type { CliContext } from '../context';
import type { Locale } from '../../engine/types';
import { resolveLocale } from '../locale';

/** The output language of commands that lint nothing: the flag, then the config governing the working directory, then the environment. */
export function localeOfCwd(flag: Locale | undefined, ctx: CliContext): Locale {
  return resolveLocale(flag, flag ? undefined : new ConfigResolver(ctx.cwd).of(ctx.cwd, true).config.locale, ctx.env);
}
