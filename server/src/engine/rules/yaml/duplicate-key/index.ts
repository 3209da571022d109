import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'yaml/duplicate-key',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('同一映射中的键重复', 'The same key twice in one mapping'),
  source: 'YAML 1.2',
});
