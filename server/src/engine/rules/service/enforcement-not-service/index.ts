import { defineRule } from '../../api';
import type { Message } from '../../../types';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

/** GB/T 39046-2020 A.1 codes of enforcement items: the administration acts on its own initiative. */
const ENFORCEMENT_TYPES: Readonly<Record<string, Message>> = {
  '02': bilingual('行政处罚', 'administrative penalty'),
  '03': bilingual('行政强制', 'administrative coercion'),
  '04': bilingual('行政征收', 'administrative levy'),
  '06': bilingual('行政检查', 'administrative inspection'),
};

export const rule = defineRule({
  meta: {
    id: 'service/enforcement-not-service',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('执法类事项不是依申请办理的政务服务事项', 'Enforcement items are not services the public applies for'),
    source: '国发〔2022〕5号 (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const type = readableValue(ctx, ['type']);
    const label = typeof type === 'string' ? ENFORCEMENT_TYPES[type] : undefined;
    if (!label) return;
    ctx.report({
      path: ['type'],
      message: bilingual(
        `事项类型 type: "${type}"（${label['zh-CN']}）属于执法事项，由机关依职权实施，不是公众依申请办理的政务服务事项：请将其移出政务服务事项清单，或核对 type 是否填错。`,
        `type "${type}" (${label.en}) is an enforcement item, carried out by the administration on its own initiative, not a service the public applies for: move it out of the service list, or check whether type is wrong.`,
      ),
    });
  },
});
