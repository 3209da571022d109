import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/enum',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: bilingual('值不在其代码表或取值集合中', 'A value outside its code list or token set'),
  source: 'GB/T 39046-2020 annex A (H) and format.md',
});
