import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/duplicate-code',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('多个事项使用同一实施编码', 'Several services share one implementation code'),
    source: 'GB/T 39046-2020 item 3 (H)',
    kinds: ['Service'],
  },
  check(ctx) {
    const code = readableValue(ctx, ['implementationCode']);
    if (typeof code !== 'string') return;
    // Every occurrence is reported, each pointing at all the others.
    const others = ctx.index.services(code).filter((s) => s.file !== ctx.file || s.document !== ctx.documentIndex);
    if (others.length === 0) return;
    ctx.report({
      path: ['implementationCode'],
      message: bilingual(
        `实施编码 implementationCode “${code}”在工作区中被另外 ${others.length} 个事项使用：实施编码须唯一标识一个事项，请为各事项分配不同的编码，或删除重复的事项。`,
        `implementationCode "${code}" is also used by ${others.length} other service${others.length > 1 ? 's' : ''} in the workspace: an implementation code identifies one item, so give each service its own code or remove the duplicate.`,
      ),
      related: others.map((s) => ({
        at: { file: s.file, document: s.document, path: ['implementationCode'] },
        message: bilingual(`同一实施编码的另一个事项${s.name ? `“${s.name}”` : ''}`, `Another service with this code${s.name ? `: "${s.name}"` : ''}`),
      })),
    });
  },
});
