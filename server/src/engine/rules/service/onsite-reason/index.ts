import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/onsite-reason',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('需到现场办理却未说明原因', 'On-site visits required without a reason'),
    source: '国办发〔2020〕35号 and local practice (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const visits = readableValue(ctx, ['onSiteVisits']);
    if (typeof visits !== 'number' || visits <= 0 || ctx.get(['onSiteReason']) !== undefined) return;
    ctx.report({
      path: ['onSiteVisits'],
      message: bilingual(
        `到办事现场次数 onSiteVisits 为 ${visits}，但没有填写必须现场办理的原因 onSiteReason：请写明原因（如法律要求当面核验身份），或改为网上、邮寄办理并把 onSiteVisits 设为 0。`,
        `onSiteVisits is ${visits}, but onSiteReason does not say why the applicant must come in person: give the reason (e.g. the law requires checking identity in person), or offer online or postal handling and set onSiteVisits to 0.`,
      ),
    });
  },
});
