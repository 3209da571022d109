import { defineRule } from '../../api';
import { lapsed, usableDate } from '../_shared';
import { bilingual } from '../../../l10n/message';

const VALID_TO = ['validTo'];

export const rule = defineRule({
  meta: {
    id: 'agreement/expired',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('协议已过有效期', 'The agreement has expired'),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const validTo = usableDate(ctx, VALID_TO);
    if (!validTo || !lapsed(validTo, ctx.today)) return;
    ctx.report({
      path: VALID_TO,
      message: bilingual(
        `协议已于 validTo ${validTo} 到期（今天是 ${ctx.today}）：到期后不得继续共享，请续签并更新 validTo，或停用并删除已获取的数据。`,
        `The agreement expired on validTo ${validTo} (today is ${ctx.today}): data may not be shared after that; renew it and update validTo, or retire it and delete the data received.`,
      ),
    });
  },
});
