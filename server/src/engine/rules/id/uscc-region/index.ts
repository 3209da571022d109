import { defineRule } from '../../api';
import type { JsonPath } from '../../../types';
import { usccRegionPart } from '../../../ids/uscc';
import { provinceOf } from '../../../ids/regions';
import { usccPaths } from '../agency-references';
import { readableString } from '../../readable';
import { regionsFor } from '../region-list';
import { bilingual } from '../../../l10n/message';

const REGION: JsonPath = ['region'];
/** Characters 3–4 of the USCC of a central body (registered at national level): they serve every province. */
const CENTRAL = '10';

export const rule = defineRule({
  meta: {
    id: 'id/uscc-region',
    defaultSeverity: 'info',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('机构统一社会信用代码的登记地应与所服务的行政区划同省', "An agency's USCC should be registered in the province of the region it serves"),
    source: 'GB 32100-2015 (H)',
    kinds: ['Service', 'Agency'],
  },
  check(ctx) {
    // docs/semantics.md: the region of the Service or Agency that names the USCC; an unusable region decides nothing.
    const region = readableString(ctx, REGION);
    const regions = regionsFor(ctx.config);
    if (region === undefined || !regions.has(region)) return;
    const province = provinceOf(region);
    const provinceLabel = (digits: string) => regions.name(`${digits}0000`) ?? `${digits}0000`;
    for (const path of usccPaths(ctx)) {
      const code = readableString(ctx, path);
      if (code === undefined) continue;
      const registered = usccRegionPart(code);
      if (provinceOf(registered) === CENTRAL || provinceOf(registered) === province) continue;
      const there = provinceLabel(provinceOf(registered));
      const here = provinceLabel(province);
      ctx.report({
        path,
        message: bilingual(
          `统一社会信用代码“${code}”第 3–8 位“${registered}”表示登记地在${there}，而本文档的 region ${region} 属于${here}：请核对该代码是否属于本机构。`,
          `Characters 3–8 of the unified social credit code "${code}" ("${registered}") place its registration in ${there}, but this document's region ${region} lies in ${here}: check that the code belongs to this agency.`,
        ),
      });
    }
  },
});
