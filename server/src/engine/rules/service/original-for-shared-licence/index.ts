import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { materialLabel, materialsOf, SHARED_SOURCES, sourceOf } from '../_shared';
import { bilingual } from '../../../l10n/message';

const COUNTS = [
  { field: 'originals', label: bilingual('原件', 'originals') },
  { field: 'copies', label: bilingual('复印件', 'copies') },
] as const;

export const rule = defineRule({
  meta: {
    id: 'service/original-for-shared-licence',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'safe',
    summary: bilingual('共享获取或电子证照调用的材料仍要求原件或复印件', 'A material obtained by sharing or electronic licence still demands originals or copies'),
    source: '国办发〔2020〕35号 (H)',
    kinds: ['Service'],
  },
  check(ctx) {
    for (const material of materialsOf(ctx)) {
      const source = sourceOf(ctx, material);
      if (!source || !SHARED_SOURCES.includes(source)) continue;
      for (const { field, label } of COUNTS) {
        const path = [...material.path, field];
        const count = readableValue(ctx, path);
        if (typeof count !== 'number' || count <= 0) continue;
        const what = materialLabel(ctx, material);
        ctx.report({
          path,
          message: bilingual(
            `${what['zh-CN']}通过${source === 'licence' ? '电子证照调用' : '数据共享'}获取（source: ${source}），申请人无需提交，却仍要求 ${count} 份${label['zh-CN']}（${field}: ${count}）：请把 ${field} 设为 0。`,
            `The ${what.en} is obtained by ${source === 'licence' ? 'electronic licence' : 'data sharing'} (source: ${source}), so the applicant submits nothing, yet it still asks for ${label.en} (${field}: ${count}): set ${field} to 0.`,
          ),
          fixes: [{ title: bilingual(`将 ${field} 设为 0`, `Set ${field} to 0`), safe: true, edits: [{ path, anchor: 'value', newText: '0' }] }],
        });
      }
    }
  },
});
