import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'meta/config',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: { 'zh-CN': '配置文件无效', en: 'An invalid config file' },
  source: 'docs/semantics.md',
});
