import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'schema/unknown-kind',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: { 'zh-CN': 'apiVersion 或 kind 缺失或不是本版本所定义的', en: "apiVersion or kind missing, or not one of this version's" },
  source: 'format.md',
});
