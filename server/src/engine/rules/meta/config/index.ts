import { defineEngineRule } from '../../engine-rule';
import { bilingual } from '../../../l10n/message';

export const rule = defineEngineRule({
  id: 'meta/config',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: bilingual('配置文件无效', 'An invalid config file'),
  source: 'docs/semantics.md',
});
