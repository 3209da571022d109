import { defineRule } from '../../api';
import type { JsonPath } from '../../../types';
import { readableValue } from '../../readable';
import { materialsOf } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/duplicate-material-id',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('同一事项的多个材料使用同一 id', 'Several materials of one service share an id'),
    source: 'format.md',
    kinds: ['Service'],
  },
  check(ctx) {
    const byId = new Map<string, JsonPath[]>();
    for (const material of materialsOf(ctx)) {
      const path = [...material.path, 'id'];
      const id = readableValue(ctx, path);
      if (typeof id !== 'string') continue;
      byId.set(id, [...(byId.get(id) ?? []), path]);
    }
    for (const [id, paths] of byId) {
      if (paths.length < 2) continue;
      // Every occurrence is reported, each pointing at all the others.
      for (const path of paths) {
        ctx.report({
          path,
          message: bilingual(
            `材料 id “${id}”在本事项中出现 ${paths.length} 次：id 是规则和快速修复引用材料的句柄，须在事项内唯一。请为各材料改用不同的 id。`,
            `Material id "${id}" appears ${paths.length} times in this service: rules and quick fixes refer to materials by id, so it must be unique within the service. Give each material its own id.`,
          ),
          related: paths.filter((p) => p !== path).map((p) => ({
            at: { file: ctx.file, document: ctx.documentIndex, path: p },
            message: bilingual(`另一个 id 为“${id}”的材料`, `Another material with id "${id}"`),
          })),
        });
      }
    }
  },
});
