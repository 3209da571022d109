import { defineRule } from '../../api';
import { bilingual } from '../../../l10n/message';

const PATH = ['onwardTransfer'];

export const rule = defineRule({
  meta: {
    id: 'agreement/onward-transfer',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('使用方不得将共享数据转让给第三方', 'The consumer must not pass shared data on'),
    source: '国发〔2016〕51号 (M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    if (ctx.get(PATH) !== true || ctx.isFlagged(PATH)) return;
    ctx.report({
      path: PATH,
      message: bilingual(
        'onwardTransfer 为 true：共享数据只能用于本部门履职，不得转让给第三方。请改为 false；其他部门需要该数据的，应自行申请共享。',
        'onwardTransfer is true: shared data may serve only the consumer\'s own duties and must not be passed on. Set it to false; another agency that needs the data must apply for it itself.',
      ),
    });
  },
});
