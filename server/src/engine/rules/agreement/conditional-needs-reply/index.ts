import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { Message } from '../../../types';
import { failsForAll, inResource, resolvedResources } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/conditional-needs-reply',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('有条件共享的资源需要提供方同意的答复', 'A conditionally shared resource needs an approving reply'),
    source: '国发〔2016〕51号 (M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const problem = replyProblem(ctx);
    if (!problem) return;
    for (const { code, codePath, facts } of resolvedResources(ctx)) {
      if (!failsForAll(facts, (f) => f.shareType === 'conditional')) continue;
      ctx.report({
        path: codePath,
        message: problem(code),
        related: facts.map((f) => ({ at: inResource(f, ['share', 'type']), message: bilingual('有条件共享', 'shared on conditions') })),
      });
    }
  },
});

/**
 * The message for the first failing condition (reply missing, reply lacking its date or decision, then not
 * approved), or undefined when the reply is fine or unreadable. format.md writes `reply` "when any resource is
 * conditional": the block and the fields it must hold are this rule's, never schema/required's (docs/semantics.md).
 */
function replyProblem(ctx: RuleContext): ((code: string) => Message) | undefined {
  const reply = ctx.get(['reply']);
  if (reply === undefined) {
    return (code) => (bilingual(
      `信息资源 ${code} 为有条件共享，但协议没有 reply：请记录提供方的答复（reply.date、reply.decision: approved）。`,
      `The resource ${code} is shared on conditions, but the agreement has no reply: record the provider's reply (reply.date, reply.decision: approved).`,
    ));
  }
  if (typeof reply !== 'object' || Array.isArray(reply)) return undefined;
  const lacking = ['date', 'decision'].filter((f) => ctx.get(['reply', f]) === undefined).map((f) => `reply.${f}`);
  if (lacking.length > 0) {
    return (code) => (bilingual(
      `信息资源 ${code} 为有条件共享，但协议的 reply 缺少 ${lacking.join('、')}：请记录提供方答复的日期和结论（reply.date、reply.decision: approved）。`,
      `The resource ${code} is shared on conditions, but the agreement's reply lacks ${lacking.join(', ')}: record the day and the outcome of the provider's reply (reply.date, reply.decision: approved).`,
    ));
  }
  const decision = ctx.get(['reply', 'decision']);
  if (ctx.isFlagged(['reply', 'decision']) || typeof decision !== 'string' || decision === 'approved') return undefined;
  return (code) => (bilingual(
    `信息资源 ${code} 为有条件共享，而提供方的 reply.decision 为 ${decision}：未获同意不能共享，请删除该资源或重新申请并取得同意。`,
    `The resource ${code} is shared on conditions and the provider's reply.decision is ${decision}: without approval it cannot be shared; remove the resource, or apply again and obtain approval.`,
  ));
}
