import { EXPLAIN_HELP } from './commands/explain';
import { INIT_HELP } from './commands/init';
import { IMPORT_HELP } from './commands/import';
import { EXPORT_HELP } from './commands/export';
import { LINT_HELP } from './commands/lint';
import { MERGE_HELP } from './commands/merge';
import { REPORT_HELP } from './commands/report';
import { RULES_HELP } from './commands/rules';

export const HELP = `GovSpec: lint government service specifications written in YAML.

Usage: govspec COMMAND [OPTIONS]

${LINT_HELP}
${MERGE_HELP}
${REPORT_HELP}
${RULES_HELP}${EXPLAIN_HELP}${INIT_HELP}
${IMPORT_HELP}
${EXPORT_HELP}
Every command takes --locale zh-CN|en and --help. govspec --version prints the version.
Exit codes: 0 clean, 1 errors (or too many warnings), 2 the run itself failed.
`;
