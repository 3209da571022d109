import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/related-exists',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual(
      '关联资源代码（related）应指向工作区中存在的信息资源',
      'Related resource codes (related) should name resources the workspace defines',
    ),
    source: 'L',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const related = ctx.get([...res, 'related']);
      if (!Array.isArray(related)) continue;
      related.forEach((_, j) => {
        const path = [...res, 'related', j];
        const code = readableValue(ctx, path);
        if (typeof code !== 'string' || ctx.index.resources(code).length > 0 || ctx.index.isReportedIdentity('resource', code)) return;
        ctx.report({
          path,
          anchor: 'value',
          message: bilingual(
            `related 中的资源代码 ${code} 在工作区的任何目录中都没有定义：请改正该代码，或补充定义该资源的目录。`,
            `The related resource code ${code} is defined by no catalogue in the workspace: correct the code, or add the catalogue that defines the resource.`,
          ),
        });
      });
    }
  },
});
