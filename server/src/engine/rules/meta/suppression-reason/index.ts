import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'meta/suppression-reason',
  defaultSeverity: 'warning',
  fixable: 'none',
  summary: bilingual('抑制注释未说明原因（-- 原因）', 'A suppression comment that gives no reason (-- why)'),
  source: 'docs/semantics.md',
});
