import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/classified',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '涉密信息资源不得列入共享目录',
      'Classified resources are outside the sharing catalogue',
    ),
    source: '政务数据共享条例 (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      if (readableValue(ctx, [...res, 'classified']) !== true) continue;
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'classified'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 标记为 classified: true（涉密）：涉密信息资源不纳入共享目录，请将其移出本目录，按保密规定另行管理；如并不涉密，请将 classified 改为 false。`,
          `Resource ${code} is marked classified: true: classified resources stay outside the sharing catalogue; remove it from this catalogue and handle it under the secrecy rules, or set classified to false if it is not classified.`,
        ),
      });
    }
  },
});
