import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'schema/required',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: { 'zh-CN': '缺少必填字段', en: 'A required field is missing' },
  source: 'format.md',
});
