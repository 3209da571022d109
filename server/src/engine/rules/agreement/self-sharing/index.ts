import { defineRule } from '../../api';
import { comparableUscc } from '../../id/agency-references';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/self-sharing',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('提供方与使用方是同一部门', 'Provider and consumer are the same agency'),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const provider = comparableUscc(ctx, ['provider', 'uscc']);
    if (!provider || comparableUscc(ctx, ['consumer', 'uscc']) !== provider) return;
    ctx.report({
      path: ['consumer'],
      anchor: 'key',
      message: bilingual(
        `consumer 与 provider 是同一部门（${provider}）：部门使用自己的数据无需共享协议。请核对 consumer 的统一社会信用代码，或删除本协议。`,
        `consumer and provider are the same agency (${provider}): an agency needs no sharing agreement to use its own data. Check the consumer's USCC, or delete this agreement.`,
      ),
      related: [{
        at: { file: ctx.file, document: ctx.documentIndex, path: ['provider'] },
        anchor: 'key',
        message: bilingual('提供方', 'the provider'),
      }],
    });
  },
});
