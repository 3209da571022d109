import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'meta/internal-error',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: { 'zh-CN': '规则检查本文档时出错（GovSpec 的缺陷）', en: 'A rule failed on this document (a defect of GovSpec)' },
  source: 'docs/semantics.md',
});
