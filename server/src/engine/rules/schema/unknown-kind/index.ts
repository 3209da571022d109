import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'schema/unknown-kind',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: bilingual('apiVersion 或 kind 缺失或不是本版本所定义的', "apiVersion or kind missing, or not one of this version's"),
  source: 'format.md',
});
