import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { agencyReferences, checkedUscc } from '../../id/agency-references';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agency/unknown',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual(
      '工作区有 Agency 文档时，每个引用的统一社会信用代码都应有对应的 Agency 文档',
      'When the workspace has Agency documents, every referenced USCC should have one',
    ),
    source: 'L',
    kinds: ['Service', 'Catalog', 'SharingAgreement', 'Agency'],
  },
  check(ctx) {
    // A workspace without Agency documents keeps no register to check against (format.md, "Agency reference").
    if (!ctx.index.hasAgencies()) return;
    for (const { path, message } of referencedUsccs(ctx)) {
      const uscc = checkedUscc(ctx, path);
      // An Agency document that writes this USCC wrongly is reported there (docs/semantics.md).
      if (uscc && ctx.index.agencies(uscc).length === 0 && !ctx.index.isReportedIdentity('agency', uscc)) ctx.report({ path, anchor: 'value', message: message(uscc) });
    }
  },
});

/** Every USCC the document refers to: each agency reference's `uscc`, and an Agency's `parent`. */
function referencedUsccs(ctx: RuleContext): { path: JsonPath; message: (uscc: string) => Message }[] {
  const parent = ctx.kind === 'Agency' ? [{ path: ['parent'], message: unknownParent }] : [];
  return [...agencyReferences(ctx).map((ref) => ({ path: [...ref, 'uscc'], message: unknownReference })), ...parent];
}

function unknownReference(uscc: string): Message {
  return bilingual(
    `统一社会信用代码 ${uscc} 在工作区的 Agency 文档中找不到：请核对代码，或为该机构添加一份 Agency 文档。`,
    `No Agency document of the workspace has the USCC ${uscc}: check the code, or add an Agency document for the body.`,
  );
}

function unknownParent(uscc: string): Message {
  return bilingual(
    `上级机构 parent 的统一社会信用代码 ${uscc} 在工作区的 Agency 文档中找不到：请核对代码，或为上级机构添加一份 Agency 文档。`,
    `The parent USCC ${uscc} belongs to no Agency document of the workspace: check the code, or add an Agency document for the parent body.`,
  );
}
