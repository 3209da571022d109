import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'meta/unused-suppression',
  defaultSeverity: 'warning',
  fixable: 'safe',
  summary: bilingual('没有抑制任何问题的 govspec-disable 注释', 'A govspec-disable comment that suppressed nothing'),
  source: 'docs/semantics.md',
});
