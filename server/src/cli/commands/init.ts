import type { Message } from '../../engine';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_OPTIONS, parseCommandArgs } from '../args';
import { CliError, bilingual } from '../cli-error';
import type { CliContext } from '../context';
import { localeFlag } from '../locale';
import { TEMPLATES } from '../templates';
import { localeOfCwd } from './locale-of-cwd';

export const INIT_HELP: Message = bilingual(
  'govspec init   在当前文件夹写入 govspec.config.yaml 和每类文档的一个示例\n',
  'govspec init   write govspec.config.yaml and one example of each kind into the current folder\n',
);

export async function initCommand(args: readonly string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs('init', args, COMMON_OPTIONS);
  if (values.help) {
    ctx.stdout(INIT_HELP[localeOfCwd(localeFlag(values.locale), ctx)]);
    return 0;
  }
  const flag = localeFlag(values.locale);
  const names = Object.keys(TEMPLATES);
  // All or nothing: check every name before writing any, so a refusal leaves the folder as it was.
  const existing = names.filter((name) => existsSync(join(ctx.cwd, name)));
  if (existing.length > 0) {
    throw new CliError(bilingual(`govspec init：以下文件已存在，未写入任何文件：${existing.join('、')}`, `govspec init: not overwriting existing files, nothing written: ${existing.join(', ')}`));
  }
  for (const name of names) {
    try {
      // `wx` refuses to replace a file created since the check.
      writeFileSync(join(ctx.cwd, name), TEMPLATES[name], { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError(bilingual(`govspec init：无法写入 ${name}：${code}`, `govspec init: cannot write ${name}: ${code}`));
    }
  }
  const locale = localeOfCwd(flag, ctx);
  ctx.stdout(names.map((name) => bilingual(`已写入 ${name}\n`, `wrote ${name}\n`)[locale]).join(''));
  return 0;
}
