import { defineRule } from '../../api';
import { failsForAll, inResource, resolvedResources } from '../_shared';
import { bilingual } from '../../../l10n/message';

const ASSESSMENT = ['security', 'riskAssessment'];
const HIGH_GRADES = new Set(['important', 'core']);

export const rule = defineRule({
  meta: {
    id: 'agreement/grade-assessment',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('申请重要数据或核心数据须附风险评估', 'Requesting important or core data needs a risk assessment'),
    source: '数据安全法 (M)',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    // A missing security block is schema/required's finding; a malformed assessment is the schema's too.
    if (ctx.get(['security']) === undefined || ctx.get(ASSESSMENT) !== undefined || ctx.isFlagged(ASSESSMENT)) return;
    for (const { code, codePath, facts } of resolvedResources(ctx)) {
      if (!failsForAll(facts, (f) => f.dataGrade !== undefined && HIGH_GRADES.has(f.dataGrade))) continue;
      const grade = facts[0].dataGrade!;
      ctx.report({
        path: codePath,
        message: bilingual(
          `申请的信息资源 ${code} 在目录中的数据分级为 ${grade}（${grade === 'core' ? '核心数据' : '重要数据'}），但缺少 security.riskAssessment：请先开展风险评估，并填写评估报告的文号或编号。`,
          `The requested resource ${code} is graded ${grade} in its catalogue, but security.riskAssessment is missing: carry out a risk assessment first and give the reference of its report.`,
        ),
        related: facts.map((f) => ({ at: inResource(f, ['dataGrade']), message: bilingual('数据分级', 'data grade') })),
      });
    }
  },
});
