import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/code-classification',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '信息资源代码的首位必须等于信息资源的类（classification.category）',
      'The first digit of a resource code must be its class (classification.category)',
    ),
    source: 'catalogue guide (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const code = readableValue(ctx, [...res, 'code']);
      const category = readableValue(ctx, [...res, 'classification', 'category']);
      if (typeof code !== 'string' || typeof category !== 'string' || code.startsWith(category)) continue;
      const first = [...code][0];
      ctx.report({
        path: [...res, 'code'],
        anchor: 'value',
        message: bilingual(
          `资源代码 ${code} 的首位 "${first}" 与 classification.category "${category}" 不一致：信息资源代码以分类代码开头，请修改 code 或 classification.category，使两者一致。`,
          `Resource code ${code} starts with "${first}" but classification.category is "${category}": a resource code begins with its classification code; change code or classification.category so that they agree.`,
        ),
      });
    }
  },
});
