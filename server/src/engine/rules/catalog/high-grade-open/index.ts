import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

const HIGH_GRADES: Readonly<Record<string, string>> = { important: '重要数据', core: '核心数据' };

export const rule = defineRule({
  meta: {
    id: 'catalog/high-grade-open',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '重要数据、核心数据不应向社会开放',
      'Important and core data should not be open to the public',
    ),
    source: '数据安全法 art. 21 (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const grade = readableValue(ctx, [...res, 'dataGrade']);
      const label = typeof grade === 'string' ? HIGH_GRADES[grade] : undefined;
      if (!label || readableValue(ctx, [...res, 'open', 'open']) !== true) continue;
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'open', 'open'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 的 dataGrade 为 ${String(grade)}（${label}），却向社会开放（open.open: true）：重要数据和核心数据应受重点保护，请将 open.open 改为 false，或重新核定 dataGrade。`,
          `Resource ${code} has dataGrade ${String(grade)} yet is open to the public (open.open: true): important and core data are under special protection; set open.open to false, or review dataGrade.`,
        ),
      });
    }
  },
});
