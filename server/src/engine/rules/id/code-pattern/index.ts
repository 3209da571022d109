import { defineRule } from '../../api';
import type { RuleContext } from '../../api';
import type { JsonPath } from '../../../types';
import { codePattern } from '../../../config/patterns';
import { patternFor } from '../../../config/key-patterns';
import type { PatternName } from '../../../config/key-patterns';
import { readableString } from '../../readable';
import { bilingual } from '../../../l10n/message';

/** A code field of the document and the pattern name that governs it. */
interface CodeField { path: JsonPath; pattern: PatternName }

export const rule = defineRule({
  meta: {
    id: 'id/code-pattern',
    defaultSeverity: 'error',
    scope: 'file',
    fixable: 'none',
    summary: bilingual('基本编码、实施编码和信息资源代码须符合其编码格式', 'basicCode, implementationCode and resource codes must match their code patterns'),
    source: 'GB/T 39046-2020 (H lengths) / config',
    kinds: ['Service', 'Catalog'],
  },
  check(ctx) {
    for (const field of codeFields(ctx)) {
      // A configured pattern replaces the default (config/load.ts has already refused patterns that cannot be used).
      // The index reads keys with the same patterns (config/key-patterns.ts): a code reported here defines nothing.
      const pattern = patternFor(ctx.config, field.pattern);
      const code = readableString(ctx, field.path);
      if (pattern === undefined || code === undefined || codePattern(pattern).test(code)) continue;
      const origin = ctx.config.codePatterns[field.pattern] !== undefined
        ? { zh: `配置 codePatterns.${field.pattern}`, en: `config codePatterns.${field.pattern}` }
        : { zh: '默认格式', en: 'the default pattern' };
      const name = String(field.path[field.path.length - 1]);
      ctx.report({
        path: field.path,
        message: bilingual(
          `${name}“${code}”不符合${origin.zh} ${pattern}：请核对编码，或在配置中调整 codePatterns.${field.pattern}。`,
          `${name} "${code}" does not match ${origin.en} ${pattern}: check the code, or set codePatterns.${field.pattern} in the config.`,
        ),
      });
    }
  },
});

/** The identity codes a document defines; references to codes elsewhere are checked by resolving them, not here. */
function codeFields(ctx: RuleContext): CodeField[] {
  if (ctx.kind === 'Service') return [{ path: ['basicCode'], pattern: 'basicCode' }, { path: ['implementationCode'], pattern: 'implementationCode' }];
  const resources = ctx.get(['resources']);
  if (ctx.kind !== 'Catalog' || !Array.isArray(resources)) return [];
  return resources.map((_, i) => ({ path: ['resources', i, 'code'], pattern: 'resourceCode' as const }));
}
