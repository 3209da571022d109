import { defineRule } from '../../api';
import { readableValue } from '../../readable';
import { bilingual } from '../../../l10n/message';

/** GB/T 39046-2020 A.1 leaves `11`–`19` and `21`–`29` to local extensions. */
const EXTENSION = /^(1[1-9]|2[1-9])$/;

export const rule = defineRule({
  meta: {
    id: 'service/type-extension',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('使用了未在配置中声明的地方扩展事项类型', 'A local extension of the service type that the config does not declare'),
    source: 'GB/T 39046-2020 A.1 (H)',
    kinds: ['Service'],
  },
  check(ctx) {
    const type = readableValue(ctx, ['type']);
    if (typeof type !== 'string' || !EXTENSION.test(type)) return;
    const declared = ctx.config.codeLists.serviceType;
    if (Object.prototype.hasOwnProperty.call(declared, type)) return;
    const known = Object.keys(declared).map((c) => `"${c}"`).join('、');
    ctx.report({
      path: ['type'],
      message: bilingual(
        `事项类型 type: "${type}" 是地方扩展代码（11–19、21–29），但配置文件未声明它${known ? `（已声明：${known}）` : ''}：请在 govspec.config.yaml 的 codeLists.serviceType 中声明 "${type}" 及其名称，或改用 GB/T 39046-2020 表 A.1 的国家代码。`,
        `type "${type}" is a local extension code (11–19, 21–29) that the config does not declare${known ? ` (declared: ${known})` : ''}: declare "${type}" with its label under codeLists.serviceType in govspec.config.yaml, or use a national code of GB/T 39046-2020 table A.1.`,
      ),
    });
  },
});
