import { defineRule } from '../../api';
import { comparable, readLimit, showLimit } from '../_shared';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'service/limit-unit-mismatch',
    defaultSeverity: 'warning',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('承诺时限与法定时限的单位无法比较', 'Promised and statutory limits are in units that cannot be compared'),
    source: 'L',
    kinds: ['Service'],
  },
  check(ctx) {
    const promised = readLimit(ctx, 'promisedLimit');
    const statutory = readLimit(ctx, 'statutoryLimit');
    if (!promised || !statutory || comparable(promised, statutory)) return;
    const p = showLimit(promised);
    const s = showLimit(statutory);
    ctx.report({
      path: ['promisedLimit', 'unit'],
      message: bilingual(
        `承诺办结时限 promisedLimit（${p['zh-CN']}）与法定办结时限 statutoryLimit（${s['zh-CN']}）的单位无法换算比较（工作日与自然日、月之间没有固定换算）：请把 promisedLimit.unit 改为与 statutoryLimit.unit 相同的单位。`,
        `The promised limit promisedLimit (${p.en}) and the statutory limit statutoryLimit (${s.en}) are in units that do not convert (working days, calendar days and months have no fixed ratio): write promisedLimit.unit in the same unit as statutoryLimit.unit.`,
      ),
    });
  },
});
