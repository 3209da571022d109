import { defineRule } from '../../api';
import type { FixSpec, RuleContext } from '../../api';
import type { JsonPath } from '../../../types';
import { agencyReferences, checkedUscc } from '../../id/agency-references';
import { rewriteScalar } from '../../../text/yaml-scalar';
import { isUnread } from '../../../workspace';
import { bilingual } from '../../../l10n/message';

export const rule = defineRule({
  meta: {
    id: 'agency/name-mismatch',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'safe',
    summary: bilingual(
      '机构引用的名称应与该统一社会信用代码登记的名称或别名一致',
      'An agency reference should use the registered name, or an alias, of its USCC',
    ),
    source: 'L',
    // Agency documents name no other agency by name (`parent` is a bare USCC), so only the three referring kinds.
    kinds: ['Service', 'Catalog', 'SharingAgreement'],
  },
  check(ctx) {
    for (const ref of agencyReferences(ctx)) {
      const uscc = checkedUscc(ctx, [...ref, 'uscc']);
      const namePath = [...ref, 'name'];
      const name = ctx.get(namePath);
      if (!uscc || typeof name !== 'string' || ctx.isFlagged(namePath)) continue;
      // Runs only where an Agency document exists; an unresolved USCC is agency/unknown's (docs/semantics.md).
      const agencies = ctx.index.agencies(uscc);
      if (agencies.length === 0 || agencies.some((a) => a.name === name || a.aliases.includes(name))) continue;
      // A register entry whose name or aliases its own document reports cannot tell a wrong name (docs/semantics.md).
      if (agencies.some((a) => isUnread(a, 'name') || isUnread(a, 'aliases') || a.name === '')) continue;
      const registered = [...new Set(agencies.map((a) => a.name))];
      const known = registered.map((n) => `“${n}”`).join('或');
      ctx.report({
        path: namePath,
        anchor: 'value',
        message: bilingual(
          `统一社会信用代码 ${uscc} 登记的机构名称是${known}，这里的 name 却写作“${name}”：请改用登记的名称，或在该机构的 Agency 文档 aliases 中补充这一名称。`,
          `The agency registered under USCC ${uscc} is named ${registered.map((n) => `"${n}"`).join(' or ')}, but this name reads "${name}": use the registered name, or add this one to the aliases of the Agency document.`,
        ),
        related: agencies.map((a) => ({
          at: { file: a.file, document: a.document, path: [...a.path, 'name'] },
          anchor: 'value' as const,
          message: bilingual('登记的机构名称', 'The registered name'),
        })),
        fixes: registeredNameFixes(ctx, namePath, registered),
      });
    }
  },
});

/** One fix per registered name; safe only when the USCC's Agency documents agree on a single name. */
function registeredNameFixes(ctx: RuleContext, path: JsonPath, names: string[]): FixSpec[] {
  const written = ctx.sourceOf(path);
  return names.map((name) => ({
    title: bilingual(`改用登记的名称：${name}`, `Use the registered name: ${name}`),
    safe: names.length === 1,
    edits: [{ path, anchor: 'value', newText: rewriteScalar(written, name) }],
  }));
}
