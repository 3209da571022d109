import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/unknown-field',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: bilingual('该类文档未定义的字段（x- 开头的除外）', 'A field the kind does not define (except x-*)'),
  source: 'format.md',
});
