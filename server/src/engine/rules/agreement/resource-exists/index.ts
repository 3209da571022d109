import { defineRule } from '../../api';
import { didYouMean } from '../../../text/did-you-mean';
import { requestedCodes } from '../_shared';
import { rewriteScalar } from '../../../text/yaml-scalar';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agreement/resource-exists',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'suggestion',
    summary: bilingual('协议申请的信息资源必须在某个目录中定义', 'A requested resource must be defined by a catalogue'),
    source: 'L',
    kinds: ['SharingAgreement'],
  },
  check(ctx) {
    for (const { code, codePath } of requestedCodes(ctx)) {
      if (ctx.index.resources(code).length > 0 || ctx.index.isReportedIdentity('resource', code)) continue;
      // Only a missing code pays for the scan over every resource code of the workspace.
      const guess = didYouMean(code, ctx.index.resourceCodes());
      const hint = guess ? { zh: `是否应为 ${guess}？`, en: ` Did you mean ${guess}?` } : { zh: '', en: '' };
      ctx.report({
        path: codePath,
        message: bilingual(
          `resources 中的信息资源代码 ${code} 在工作区的任何目录中都不存在：请改为目录中已发布的资源代码，或先在目录中登记该资源。${hint.zh}`,
          `No catalogue in the workspace defines the resource code ${code} in resources: use the code of a published catalogue resource, or register the resource in its catalogue first.${hint.en}`,
        ),
        fixes: guess ? [{
          title: bilingual(`改为 ${guess}`, `Change to ${guess}`),
          safe: false,
          edits: [{ path: codePath, newText: rewriteScalar(ctx.sourceOf(codePath), guess) }],
        }] : [],
      });
    }
  },
});
