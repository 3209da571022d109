import { defineRule } from '../../api';
import { pathKey } from '../../../values';
import { readableValue } from '../../readable';
import { resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/duplicate-code',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual(
      '信息资源代码在工作区内必须唯一',
      'A resource code must be unique across the workspace',
    ),
    source: 'catalogue guide (H)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const code = readableValue(ctx, [...res, 'code']);
      if (typeof code !== 'string') continue;
      // Every occurrence reports itself and points at the others (docs/semantics.md).
      const others = ctx.index.resources(code).filter((r) =>
        r.file !== ctx.file || r.document !== ctx.documentIndex || pathKey(r.path) !== pathKey(res));
      if (others.length === 0) continue;
      const count = others.length + 1;
      ctx.report({
        path: [...res, 'code'],
        anchor: 'value',
        message: bilingual(
          `资源代码 ${code} 在工作区中出现 ${count} 次：信息资源代码必须唯一，请为重复的资源另行编码，或删除重复登记的资源。`,
          `Resource code ${code} occurs ${count} times in the workspace: resource codes must be unique; give the other resources codes of their own, or remove the duplicate entries.`,
        ),
        related: others.map((r) => ({
          at: { file: r.file, document: r.document, path: [...r.path, 'code'] },
          anchor: 'value' as const,
          message: bilingual(`同样使用代码 ${code} 的资源`, `Another resource with code ${code}`),
        })),
      });
    }
  },
});
