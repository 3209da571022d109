import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'meta/suppression-reason',
  defaultSeverity: 'warning',
  fixable: 'none',
  summary: { 'zh-CN': '抑制注释未说明原因（-- 原因）', en: 'A suppression comment that gives no reason (-- why)' },
  source: 'docs/semantics.md',
});
