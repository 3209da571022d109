import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { readableValue } from '../../readable';
import { itemPaths, resourcePaths } from '../_shared';
import { bilingual } from '../../../l10n/message';

/** Data types whose size is fixed by the type itself, so a length would only contradict it. */
const FIXED_SIZE: Readonly<Record<string, Message>> = {
  L: bilingual('逻辑', 'logical'),
  D: bilingual('日期', 'date'),
  T: bilingual('日期时间', 'date-time'),
};

export const rule = defineRule({
  meta: {
    id: 'catalog/item-length',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual(
      '字符型信息项必须写明长度，逻辑、日期、日期时间型信息项不写长度',
      'Character items need a length; logical, date and date-time items take none',
    ),
    source: 'catalogue guide (M)',
    kinds: ['Catalog'],
  },
  check(ctx) {
    for (const res of resourcePaths(ctx)) {
      for (const item of itemPaths(ctx, res)) {
        const message = problemOf(ctx, item);
        if (message) ctx.report({ path: [...item, 'name'], anchor: 'value', message });
      }
    }
  },
});

function problemOf(ctx: RuleContext, item: JsonPath): Message | undefined {
  const name = ctx.get([...item, 'name']);
  const type = readableValue(ctx, [...item, 'dataType']);
  if (typeof name !== 'string' || ctx.isFlagged([...item, 'length'])) return undefined;
  const hasLength = ctx.get([...item, 'length']) !== undefined;
  if (type === 'C' && !hasLength) {
    return bilingual(
      `信息项 "${name}" 的 dataType 为 C（字符），但缺少 length：请写明该字符型信息项的最大长度。`,
      `Item "${name}" has dataType C (character) but no length: give the item's maximum length.`,
    );
  }
  const fixed = typeof type === 'string' ? FIXED_SIZE[type] : undefined;
  if (fixed && hasLength) {
    return bilingual(
      `信息项 "${name}" 的 dataType 为 ${String(type)}（${fixed['zh-CN']}），其长度由类型确定：请删除 length。`,
      `Item "${name}" has dataType ${String(type)} (${fixed.en}), whose size the type fixes: remove length.`,
    );
  }
  return undefined;
}
