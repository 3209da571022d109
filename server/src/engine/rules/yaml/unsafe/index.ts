import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'yaml/unsafe',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('别名炸弹、未知或可执行的标签、超出大小或嵌套上限的文档', 'An alias bomb, an unknown or executable tag, or a document over the size or nesting bound'),
  source: 'L',
});
