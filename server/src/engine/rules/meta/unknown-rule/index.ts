import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'meta/unknown-rule',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: bilingual('抑制注释或配置中写了不存在的规则', 'A suppression or config entry naming no rule'),
  source: 'docs/semantics.md',
});
