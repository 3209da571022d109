import { defineRule } from '../../api';
import { handlingForms, ONLINE_FORMS } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/online-url',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('办理形式含网上办理，却未开通网办或缺少网办地址', 'Online handling forms without online handling enabled or without its address'),
    source: 'GB/T 39046-2020 items 39, 47, 48 (H)',
    kinds: ['Service'],
  },
  check(ctx) {
    const forms = handlingForms(ctx);
    if (!forms?.some((f) => ONLINE_FORMS.includes(f)) || ctx.isFlagged(['online'])) return;
    const codes = forms.filter((f) => ONLINE_FORMS.includes(f)).map((f) => `"${f}"`);
    const online = codes.join('、');
    const onlineEn = codes.join(', ');
    // Conditions in the order the rule's doc lists them; the message names the first that fails (placement).
    if (ctx.get(['online', 'enabled']) !== true) {
      ctx.report({
        path: ['handlingForms'],
        anchor: 'key',
        message: bilingual(
          `办理形式 handlingForms 含网上办理（${online}），但 online.enabled 不是 true：请设置 online.enabled: true 并填写 online.url，或从 handlingForms 删除网上办理的代码。`,
          `handlingForms lists online handling (${onlineEn}), but online.enabled is not true: set online.enabled: true and give online.url, or remove the online codes from handlingForms.`,
        ),
      });
    } else if (ctx.get(['online', 'url']) === undefined) {
      ctx.report({
        path: ['handlingForms'],
        anchor: 'key',
        message: bilingual(
          `办理形式 handlingForms 含网上办理（${online}），但缺少网办地址 online.url：请填写申请人可直接办理的 https 地址。`,
          `handlingForms lists online handling (${onlineEn}), but the address online.url is missing: give the https address where applicants handle the item.`,
        ),
      });
    }
  },
});
