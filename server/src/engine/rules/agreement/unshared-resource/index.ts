import { defineRule } from '../../api';
import { failsForAll, inResource, resolvedResources } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/unshared-resource',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('不能申请不予共享的信息资源', 'A resource that is not shared cannot be requested'),
    source: '国发〔2016〕51号 (H)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    for (const { code, codePath, facts } of resolvedResources(ctx)) {
      if (!failsForAll(facts, (f) => f.shareType === 'none')) continue;
      ctx.report({
        path: codePath,
        message: bilingual(
          `信息资源 ${code} 在目录中的 share.type 为 none（不予共享），不能通过共享协议申请：请从 resources 中删除它，或请提供方依法调整其共享属性。`,
          `The resource ${code} has share.type none (not shared) in its catalogue and cannot be requested by an agreement: remove it from resources, or ask the provider to revise its sharing type where the law allows.`,
        ),
        related: facts.map((f) => ({ at: inResource(f, ['share', 'type']), message: bilingual('不予共享', 'not shared') })),
      });
    }
  },
});
