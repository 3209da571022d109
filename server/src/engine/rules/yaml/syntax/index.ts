import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'yaml/syntax',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: { 'zh-CN': '文本不是格式正确的 YAML', en: 'The text is not well-formed YAML' },
  source: 'YAML 1.2',
});
