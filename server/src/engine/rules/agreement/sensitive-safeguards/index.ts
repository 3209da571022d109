import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { Message } from '../../../types';
import type { ResourceFact } from '../../../workspace';
import { failsForAll, requestedItems, resolvedResources } from '../_shared';
import { bilingual } from '../../../l10n/message';

const SENSITIVE = ['personalInfo', 'sensitive'];
const ASSESSMENT = ['personalInfo', 'impactAssessment'];

export const rule = defineRule({
  meta: {
    id: 'agreement/sensitive-safeguards',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('申请敏感个人信息须声明并附个人信息保护影响评估', 'Requesting sensitive personal information needs its declaration and an impact assessment'),
    source: '个人信息保护法 arts. 28, 55 (H/M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    const problem = safeguardProblem(ctx);
    if (!problem) return;
    for (const resource of resolvedResources(ctx)) {
      const names = new Set(requestedItems(ctx, resource).map((i) => i.name));
      const sensitiveIn = (f: ResourceFact) => f.items.filter((i) => i.personal === 'sensitive' && names.has(i.name));
      if (!failsForAll(resource.facts, (f) => sensitiveIn(f).length > 0)) continue;
      const items = resource.facts.flatMap((f) => sensitiveIn(f).map((i) => ({ fact: f, item: i })));
      ctx.report({
        path: resource.codePath,
        message: problem(resource.code, [...new Set(items.map((x) => x.item.name))].join('、')),
        related: items.map(({ fact, item }) => ({
          at: { file: fact.file, document: fact.document, path: [...item.path, 'personal'] },
          message: bilingual(`${item.name} 为敏感个人信息`, `${item.name} is sensitive personal information`),
        })),
      });
    }
  },
});

/** The first failing safeguard (declaration, then assessment), or undefined when both are there or unreadable. */
function safeguardProblem(ctx: RuleContext): ((code: string, items: string) => Message) | undefined {
  // A missing personalInfo is schema/required's finding; a malformed field inside it is the schema's too.
  if (ctx.get(['personalInfo']) === undefined || ctx.isFlagged(SENSITIVE) || ctx.isFlagged(ASSESSMENT)) return undefined;
  if (ctx.get(SENSITIVE) !== true) {
    return (code, items) => (bilingual(
      `申请的信息资源 ${code} 含敏感个人信息（${items}），但 personalInfo.sensitive 不为 true：请如实声明 personalInfo.sensitive: true，并在 personalInfo.impactAssessment 中注明个人信息保护影响评估。`,
      `The requested resource ${code} includes sensitive personal information (${items}), but personalInfo.sensitive is not true: declare personalInfo.sensitive: true and give the personal information protection impact assessment in personalInfo.impactAssessment.`,
    ));
  }
  if (ctx.get(ASSESSMENT) === undefined) {
    return (code, items) => (bilingual(
      `申请的信息资源 ${code} 含敏感个人信息（${items}），但缺少 personalInfo.impactAssessment：处理敏感个人信息前须进行个人信息保护影响评估，请填写评估报告的文号或编号。`,
      `The requested resource ${code} includes sensitive personal information (${items}), but personalInfo.impactAssessment is missing: processing sensitive personal information needs a prior impact assessment; give the reference of its report.`,
    ));
  }
  return undefined;
}
