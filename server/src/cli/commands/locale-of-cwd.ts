import type { CliContext } from '../context';
import type { Locale } from '../../engine';
import { NODE_FILE_SYSTEM } from '../../host/file-system';
import { ConfigResolver } from '../../host/configs';
import { environmentLocale, resolveLocale } from '../../host/locale';

/** The output language of commands that lint nothing: the flag, then the config governing the working directory, then the environment. */
export function localeOfCwd(flag: Locale | undefined, ctx: CliContext): Locale {
  // A config that cannot be used says no locale; the command itself does not need it.
  const configured = flag ? undefined : new ConfigResolver(NODE_FILE_SYSTEM).of(ctx.cwd, true).config?.locale;
  return resolveLocale(flag, configured, environmentLocale(ctx.env));
}
