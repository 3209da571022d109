import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/type',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('值的类型或结构不对', 'A value of the wrong type or shape'),
  source: 'format.md',
});
