import { defineEngineRule } from '../../engine-rule';

export const rule = defineEngineRule({
  id: 'schema/unknown-field',
  defaultSeverity: 'error',
  fixable: 'suggestion',
  summary: { 'zh-CN': '该类文档未定义的字段（x- 开头的除外）', en: 'A field the kind does not define (except x-*)' },
  source: 'format.md',
});
