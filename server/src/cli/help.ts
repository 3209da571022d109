import { EXPLAIN_HELP } from './commands/explain';
import { INIT_HELP } from './commands/init';
import { IMPORT_HELP } from './commands/import';
import { EXPORT_HELP } from './commands/export';
import { LINT_HELP } from './commands/lint';
import { MERGE_HELP } from './commands/merge';
import { REPORT_HELP } from './commands/report';
import { RULES_HELP } from './commands/rules';

import type { Locale } from '../engine';

/** `govspec --help`: every command's help, in the language of the run. */
export function helpText(locale: Locale): string {
  if (locale === 'zh-CN') {
    return `GovSpec：检查用 YAML 编写的政务服务规范。

用法：govspec 命令 [选项]

${LINT_HELP[locale]}
${MERGE_HELP[locale]}
${REPORT_HELP[locale]}
${RULES_HELP[locale]}${EXPLAIN_HELP[locale]}${INIT_HELP[locale]}
每个命令都接受 --locale zh-CN|en 和 --help。govspec --version 打印版本号。
退出码：0 没有问题，1 有错误（或警告过多），2 运行本身失败。
`;
  }
  return `GovSpec: lint government service specifications written in YAML.

Usage: govspec COMMAND [OPTIONS]

${LINT_HELP[locale]}
${MERGE_HELP[locale]}
${REPORT_HELP[locale]}
${RULES_HELP[locale]}${EXPLAIN_HELP[locale]}${INIT_HELP[locale]}
${IMPORT_HELP}
${EXPORT_HELP}
Every command takes --locale zh-CN|en, --help and --debug (a failure of the run shows its stack). govspec --version prints the version.
Exit codes: 0 clean, 1 errors (or too many warnings), 2 the run itself failed.
`;
}
