import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'meta/unused-suppression',
  defaultSeverity: 'warning',
  fixable: 'safe',
  summary: { 'zh-CN': '没有抑制任何问题的 govspec-disable 注释', en: 'A govspec-disable comment that suppressed nothing' },
  source: 'docs/semantics.md',
});
