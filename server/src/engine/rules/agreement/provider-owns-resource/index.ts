import { defineRule } from '../../api';
import { comparableUscc, registered } from '../../id/agency-references';
import { failsForAll, resolvedResources } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/provider-owns-resource',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('协议的提供方必须是登记该资源的目录的提供方', "The agreement's provider must be the provider of the resource's catalogue"),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const provider = comparableUscc(ctx, ['provider', 'uscc']);
    if (!provider) return;
    for (const { code, codePath, facts } of resolvedResources(ctx)) {
      // A catalogue without a usable provider (missing, failing its check, unregistered: reported in the catalogue)
      // cannot contradict the agreement (docs/semantics.md).
      if (!failsForAll(facts, (f) => f.provider !== undefined && registered(ctx.index, f.provider.uscc) && f.provider.uscc !== provider)) continue;
      const owner = facts[0].provider!;
      const ownerName = owner.name ?? owner.uscc;
      ctx.report({
        path: codePath,
        message: bilingual(
          `信息资源 ${code} 由 ${ownerName}（${owner.uscc}）的目录登记，而协议的 provider 是 ${provider}：请把 provider 改为该资源的提供方，或改为申请该提供方自己的资源。`,
          `The resource ${code} belongs to the catalogue of ${ownerName} (${owner.uscc}), but the agreement's provider is ${provider}: make provider the agency that publishes the resource, or request that provider's own resources.`,
        ),
        related: facts.map((f) => ({
          at: { file: f.file, document: f.document, path: ['provider', 'uscc'] },
          message: bilingual('目录的提供方', "the catalogue's provider"),
        })),
      });
    }
  },
});
