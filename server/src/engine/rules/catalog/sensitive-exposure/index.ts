import { defineRule } from '../../api';
import type { RelatedSpec, RuleContext } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths, sensitiveItemPaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/sensitive-exposure',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '含敏感个人信息的信息资源不得向社会开放或无条件共享',
      'A resource with sensitive personal information must be neither open to the public nor shared unconditionally',
    ),
    source: '个人信息保护法 art. 28 defines the category (H); the sharing consequence is inferred (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const sensitive = sensitiveItemPaths(ctx, res);
      if (sensitive.length === 0) continue;
      const exposure = exposureOf(ctx, res, sensitiveNames(ctx, sensitive));
      if (!exposure) continue;
      ctx.report({
        path: exposure.path,
        anchor: 'value',
        message: exposure.message,
        related: sensitive.map((item): RelatedSpec => ({
          at: { file: ctx.file, document: ctx.documentIndex, path: item },
          anchor: 'key',
          message: bilingual('敏感个人信息项', 'Sensitive personal information item'),
        })),
      });
    }
  },
});

function sensitiveNames(ctx: RuleContext, items: JsonPath[]): string {
  return items.map((item) => ctx.get([...item, 'name'])).filter((n): n is string => typeof n === 'string').join('、');
}

/** The first way the resource is exposed, in the order the doc lists them: open to the public, then shared unconditionally. */
function exposureOf(ctx: RuleContext, res: JsonPath, names: string): { path: JsonPath; message: Message } | undefined {
  const code = resourceLabel(ctx, res);
  const open = [...res, 'open', 'open'];
  if (readableValue(ctx, open) === true) {
    return {
      path: open,
      message: bilingual(
        `资源 ${code} 含有敏感个人信息项（${names}），却向社会开放（open.open: true）：请将 open.open 改为 false，或把敏感信息项移出该资源。`,
        `Resource ${code} holds sensitive personal information (${names}) yet is open to the public (open.open: true): set open.open to false, or move the sensitive items out of the resource.`,
      ),
    };
  }
  const type = [...res, 'share', 'type'];
  if (readableValue(ctx, type) === 'unconditional') {
    return {
      path: type,
      message: bilingual(
        `资源 ${code} 含有敏感个人信息项（${names}），却无条件共享（share.type: unconditional）：请改为 conditional 并在 share.condition 中写明共享条件，或把资源拆分为无条件共享的基本信息部分和有条件共享的敏感信息部分。`,
        `Resource ${code} holds sensitive personal information (${names}) yet is shared unconditionally (share.type: unconditional): make it conditional and state share.condition, or split the resource into an unconditionally shared basic part and a conditionally shared part holding the sensitive items.`,
      ),
    };
  }
  return undefined;
}
