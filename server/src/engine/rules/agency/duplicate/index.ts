import { defineRule } from '../../api';
import { checkedUscc } from '../../id/agency-references';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agency/duplicate',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual(
      '一个统一社会信用代码只能有一份 Agency 文档',
      'One USCC, one Agency document',
    ),
    source: 'GB 32100-2015 (H)',
    kinds: ['Agency'],
  },
  check(ctx) {
    const uscc = checkedUscc(ctx, ['uscc']);
    if (!uscc) return;
    // Every occurrence reports itself and points at the others (docs/semantics.md).
    const others = ctx.index.agencies(uscc).filter((a) => a.file !== ctx.file || a.document !== ctx.documentIndex);
    if (others.length === 0) return;
    ctx.report({
      path: ['uscc'],
      anchor: 'value',
      message: bilingual(
        `统一社会信用代码 ${uscc} 有 ${others.length + 1} 份 Agency 文档：一个代码只对应一个机构，请合并这些文档，把曾用名、简称写进 aliases。`,
        `The USCC ${uscc} has ${others.length + 1} Agency documents: a code identifies one body; merge them and keep former or short names in aliases.`,
      ),
      related: others.map((a) => ({
        at: { file: a.file, document: a.document, path: [...a.path, 'uscc'] },
        anchor: 'value' as const,
        message: bilingual('同一代码的另一份 Agency 文档', 'Another Agency document with this USCC'),
      })),
    });
  },
});
