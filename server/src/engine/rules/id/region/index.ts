import { defineRule } from '../../api';
import type { FixSpec } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { suggestRegion } from '../../../ids/regions';
import type { RegionList } from '../../../ids/regions';
import { readableString } from '../../readable';
import { regionsFor } from '../region-list';
import { rewriteCode } from '../../../text/yaml-scalar';
import { bilingual } from '../../../l10n/message';

/** Service and Agency both write their region at the top level. */
const REGION: JsonPath = ['region'];

export const rule = defineRule({
  meta: {
    id: 'id/region',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'suggestion',
    summary: bilingual('行政区划代码须在内置的 GB/T 2260 代码表（及 regions.add）中', 'A division code must be in the bundled GB/T 2260 list (or regions.add)'),
    source: 'GB/T 2260 (H)',
    kinds: ['Service', 'Agency'],
  },
  check(ctx) {
    const code = readableString(ctx, REGION);
    const regions = regionsFor(ctx.config);
    if (code === undefined || regions.has(code)) return;
    const candidates = suggestRegion(code, regions);
    ctx.report({ path: REGION, message: messageFor(code, regions, candidates), fixes: candidates.map((c) => fixFor(c, regions, ctx.sourceOf(REGION))) });
  },
});

function messageFor(code: string, regions: RegionList, candidates: readonly string[]): Message {
  const sixDigits = /^\d{6}$/.test(code);
  const shape = sixDigits
    ? { zh: `行政区划代码“${code}”不在内置的 GB/T 2260 代码表（${regions.vintage.split(' ')[0]} 版，省、市、县三级）中`, en: `The division code "${code}" is not in the bundled GB/T 2260 list of ${regions.vintage}` }
    : { zh: `行政区划代码“${code}”不是 6 位数字`, en: `The division code "${code}" is not 6 digits` };
  const hint = candidates.length > 0
    ? { zh: `是否指 ${candidates.map((c) => `${c}（${regions.fullName(c)}）`).join('、')}？`, en: `did you mean ${candidates.map((c) => `${c} (${regions.fullName(c)})`).join(', ')}?` }
    : sixDigits
      ? { zh: '请核对代码；比代码表更新的代码可在配置 regions.add 中加入。', en: 'check the code; a code newer than the list can be added under regions.add in the config.' }
      : { zh: '请写出 6 位代码（省 2 位、市 2 位、县 2 位）。', en: 'write the 6-digit code (2 digits each for province, prefecture and county).' };
  return bilingual(`${shape.zh}：${hint.zh}`, `${shape.en}: ${hint.en}`);
}

/** A did-you-mean: another code is another place, so it is never applied without a person choosing it. */
function fixFor(candidate: string, regions: RegionList, written: string | undefined): FixSpec {
  const place = regions.fullName(candidate);
  return {
    title: bilingual(`改为 ${candidate}（${place}）`, `Change to ${candidate} (${place})`),
    safe: false,
    edits: [{ path: REGION, newText: rewriteCode(written, candidate) }],
  };
}
