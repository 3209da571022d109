import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'meta/internal-error',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('规则检查本文档时出错（GovSpec 的缺陷）', 'A rule failed on this document (a defect of GovSpec)'),
  source: 'docs/semantics.md',
});
