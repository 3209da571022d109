import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { resourceLabel, resourcePaths, sensitiveItemPaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'catalog/base-unconditional',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '基础信息资源应无条件共享',
      'A base information resource should be shared unconditionally',
    ),
    source: '国发〔2016〕51号 (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      const type = readableValue(ctx, [...res, 'share', 'type']);
      if (readableValue(ctx, [...res, 'classification', 'category']) !== '1' || typeof type !== 'string' || type === 'unconditional') continue;
      // 国发〔2016〕51号 asks the basic items of base resources to be shared unconditionally; PIPL art. 28 puts
      // sensitive items under conditions. A base resource holding sensitive items, shared on a stated condition,
      // meets both (catalog/sensitive-exposure would fire were it unconditional): no valid state may be missing.
      if (type === 'conditional' && ctx.get([...res, 'share', 'condition']) !== undefined && sensitiveItemPaths(ctx, res).length > 0) continue;
      const code = resourceLabel(ctx, res);
      ctx.report({
        path: [...res, 'share', 'type'],
        anchor: 'value',
        message: bilingual(
          `资源 ${code} 是基础信息资源（classification.category 为 "1"），但 share.type 为 ${type}：基础信息资源原则上应无条件共享，请将 share.type 改为 unconditional，或核对 classification.category；资源含敏感个人信息项的，可拆分为无条件共享的基本信息部分和有条件共享（写明 share.condition）的敏感信息部分。`,
          `Resource ${code} is a base resource (classification.category "1") but its share.type is ${type}: base resources are to be shared unconditionally; set share.type to unconditional, or check classification.category. A resource holding sensitive personal items may be split into an unconditionally shared basic part and a conditionally shared part (with share.condition) holding the sensitive items.`,
        ),
      });
    }
  },
});
