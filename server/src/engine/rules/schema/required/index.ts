import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/required',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: bilingual('缺少必填字段', 'A required field is missing'),
  source: 'format.md',
});
