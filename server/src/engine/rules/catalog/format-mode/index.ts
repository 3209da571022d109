import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

/**
 * The platform modes that can carry each format: documents of every file-like format travel as files; a database
 * can be shared as tables or behind an interface; an interface only as an interface.
 */
const MODES_FOR_FORMAT: Readonly<Record<string, readonly string[]>> = {
  file: ['file'],
  spreadsheet: ['file'],
  image: ['file'],
  media: ['file'],
  'self-describing': ['file'],
  database: ['database', 'api'],
  api: ['api'],
};

export const rule = defineRule({
  meta: {
    id: 'catalog/format-mode',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '信息资源格式（format.category）与共享平台方式（share.platformMode）应相符',
      'The resource format (format.category) and the platform mode (share.platformMode) should agree',
    ),
    source: 'practice (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const format = readableValue(ctx, [...res, 'format', 'category']);
      const mode = readableValue(ctx, [...res, 'share', 'platformMode']);
      if (typeof format !== 'string' || typeof mode !== 'string') continue;
      const allowed = MODES_FOR_FORMAT[format];
      if (!allowed || allowed.includes(mode)) continue;
      const code = resourceLabel(ctx, res);
      const expected = allowed.join(' / ');
      ctx.report({
        path: [...res, 'share', 'platformMode'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 的 format.category 为 ${format}，share.platformMode 应为 ${expected}，而不是 ${mode}：请修改 share.platformMode，或核对 format.category。`,
          `Resource ${code} has format.category ${format}, so share.platformMode should be ${expected}, not ${mode}: change share.platformMode, or check format.category.`,
        ),
      });
    }
  },
});
