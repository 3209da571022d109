import { defineRule } from '../../api';
import type { Message } from '../../../types';
import { failsForAll, inResource, resolvedResources } from '../_shared';

export const rule = defineRule({
  meta: {
    id: 'agreement/conditional-needs-reply',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: { 'zh-CN': '有条件共享的资源需要提供方同意的答复', en: 'A conditionally shared resource needs an approving reply' },
    source: '国发〔2016〕51号 (M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const problem = replyProblem(ctx.get(['reply']), ctx.get(['reply', 'decision']), ctx.isFlagged(['reply', 'decision']));
    if (!problem) return;
    for (const { code, codePath, facts } of resolvedResources(ctx)) {
      if (!failsForAll(facts, (f) => f.shareType === 'conditional')) continue;
      ctx.report({
        path: codePath,
        message: problem(code),
        related: facts.map((f) => ({ at: inResource(f, ['share', 'type']), message: { 'zh-CN': '有条件共享', en: 'shared on conditions' } })),
      });
    }
  },
});

/** The message for the first failing condition (reply missing, then not approved), or undefined when the reply is fine or unreadable. */
function replyProblem(reply: unknown, decision: unknown, decisionFlagged: boolean): ((code: string) => Message) | undefined {
  if (reply === undefined) {
    return (code) => ({
      'zh-CN': `信息资源 ${code} 为有条件共享，但协议没有 reply：请记录提供方的答复（reply.date、reply.decision: approved）。`,
      en: `The resource ${code} is shared on conditions, but the agreement has no reply: record the provider's reply (reply.date, reply.decision: approved).`,
    });
  }
  if (decisionFlagged || typeof decision !== 'string' || decision === 'approved') return undefined;
  return (code) => ({
    'zh-CN': `信息资源 ${code} 为有条件共享，而提供方的 reply.decision 为 ${decision}：未获同意不能共享，请删除该资源或重新申请并取得同意。`,
    en: `The resource ${code} is shared on conditions and the provider's reply.decision is ${decision}: without approval it cannot be shared; remove the resource, or apply again and obtain approval.`,
  });
}
