import { defineRule } from '../../api';
import { checkOrgCode, usccOrgCodePart } from '../../../ids/uscc';
import { usccPaths } from '../agency-references';
import { readableString } from '../../readable';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'id/uscc-org-code',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('统一社会信用代码第 9–17 位须通过组织机构代码校验', 'Characters 9–17 of a unified social credit code must pass the organisation-code check'),
    source: 'GB 11714 (M)',
    kinds: ['Service', 'Catalog', 'SharingAgreement', 'Agency'],
  },
  check(ctx) {
    for (const path of usccPaths(ctx)) {
      // A code that id/uscc flagged is skipped: its organisation code cannot be read reliably.
      const code = readableString(ctx, path);
      if (code === undefined) continue;
      const orgCode = usccOrgCodePart(code.toUpperCase());
      if (checkOrgCode(orgCode)) continue;
      ctx.report({
        path,
        message: bilingual(
          `统一社会信用代码“${code}”第 9–17 位“${orgCode}”未通过组织机构代码（GB 11714）校验：请向登记机关核实该代码。`,
          `Characters 9–17 of the unified social credit code "${code}" ("${orgCode}") fail the organisation-code check of GB 11714: verify the code against the register.`,
        ),
      });
    }
  },
});
