import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'meta/unknown-rule',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: { 'zh-CN': '抑制注释或配置中写了不存在的规则', en: 'A suppression or config entry naming no rule' },
  source: 'docs/semantics.md',
});
