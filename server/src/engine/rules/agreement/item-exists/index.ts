import { defineRule } from '../../api';
import { didYouMean } from '../../../text/did-you-mean';
import { requestedItems, resolvedResources } from '../_shared';
import { rewriteScalar } from '../../../text/yaml-scalar';
import { isUnread } from '../../../workspace';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/item-exists',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'suggestion',
    summary: bilingual('申请的信息项必须是该资源在目录中列出的信息项', 'A requested item must be listed by its catalogue resource'),
    source: '个人信息保护法 art. 6 minimum necessity (M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    for (const resource of resolvedResources(ctx)) {
      // A catalogue resource whose items its own document reports lists them only in part (docs/semantics.md).
      if (resource.facts.some((f) => isUnread(f, 'items'))) continue;
      // Any one of duplicated resources may supply the item (docs/semantics.md).
      const listed = new Set(resource.facts.flatMap((f) => f.items.map((i) => i.name)));
      for (const item of requestedItems(ctx, resource)) {
        if (listed.has(item.name)) continue;
        const guess = didYouMean(item.name, listed);
        const hint = guess ? { zh: `是否应为 ${guess}？`, en: ` Did you mean ${guess}?` } : { zh: '', en: '' };
        ctx.report({
          path: item.path,
          message: bilingual(
            `信息资源 ${resource.code} 在目录中没有信息项 ${item.name}：items 只能列出目录登记的信息项，请改正名称或删除该项（最小必要原则）。${hint.zh}`,
            `The catalogue resource ${resource.code} has no item ${item.name}: items may only name items its catalogue lists; correct the name or remove it (minimum necessity).${hint.en}`,
          ),
          fixes: guess ? [{
            title: bilingual(`改为 ${guess}`, `Change to ${guess}`),
            safe: false,
            edits: [{ path: item.path, newText: rewriteScalar(ctx.sourceOf(item.path), guess) }],
          }] : [],
        });
      }
    }
  },
});
