import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'schema/type',
  defaultSeverity: 'error',
  fixable: 'none',
  summary: { 'zh-CN': '值的类型或结构不对', en: 'A value of the wrong type or shape' },
  source: 'format.md',
});
