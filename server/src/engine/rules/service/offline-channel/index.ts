import { defineRule } from '../../api';
import { handlingForms, ONLINE_FORMS } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/offline-channel',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('只能网上办理却没有保留线下渠道', 'Online-only handling without an offline channel'),
    source: '国办发〔2020〕45号 (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const forms = handlingForms(ctx);
    if (!forms || forms.length === 0 || !forms.every((f) => ONLINE_FORMS.includes(f))) return;
    if (ctx.isFlagged(['accessibility', 'offlineChannel']) || ctx.get(['accessibility', 'offlineChannel']) === true) return;
    ctx.report({
      path: ['handlingForms'],
      anchor: 'key',
      message: bilingual(
        '办理形式 handlingForms 全部为网上办理，但 accessibility.offlineChannel 不是 true：老年人、残疾人等不使用智能技术的群众须能线下办理。请保留线下渠道并设置 accessibility.offlineChannel: true，或在 handlingForms 中加入 "1"（窗口办理）。',
        'handlingForms are all online, but accessibility.offlineChannel is not true: people who do not use smart devices, such as the elderly and people with disabilities, must be able to apply offline. Keep an offline channel and set accessibility.offlineChannel: true, or add "1" (counter) to handlingForms.',
      ),
    });
  },
});
