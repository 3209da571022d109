import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'yaml/duplicate-key',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: { 'zh-CN': '同一映射中的键重复', en: 'The same key twice in one mapping' },
  source: 'YAML 1.2',
});
