import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'yaml/syntax',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('文本不是格式正确的 YAML', 'The text is not well-formed YAML'),
  source: 'YAML 1.2',
});
