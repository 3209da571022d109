import { defineRule } from '../../api';
import { comparableUscc } from '../../id/agency-references';
import type { FixSpec, RuleContext } from '../../api';
import type { JsonPath } from '../../../types';
import { comparableName } from '../../../values';
import type { AgreementFact, ResourceFact, WorkspaceIndex } from '../../../workspace';
import { periodOn } from '../../agreement/_shared';
import { readableValue } from '../../readable';
import { materialsOf, sourceOf } from '../_shared';
import { rewriteScalar } from '../../../text/yaml-scalar';
import { bilingual } from '../../../l10n/message';

/** A resource that an agreement gives its consumer: the agreement, its entry for the resource, and the catalogue's resource. */
interface Offer {
  agreement: AgreementFact;
  entry: AgreementFact['resources'][number];
  resource: ResourceFact;
}

/**
 * Offers to one consumer, by comparable resource name. Built once per index version and consumer: every applicant
 * material of every service asks it, and agreements are few against services (bench/README.md). Validity is checked
 * per query, since it depends on the day linted.
 */
function offersTo(index: WorkspaceIndex, consumer: string, name: string): Offer[] {
  // The index's memo, so that each service is known to depend on what building its consumer's table read (the CLI's
  // cache): the agreements to that consumer and the resources they name, not every agreement.
  const byName = index.memo(`service/resubmitted-shared-data offers\u0000${consumer}`, () => buildOffers(index, consumer));
  return byName.get(comparableName(name)) ?? [];
}

function buildOffers(index: WorkspaceIndex, consumer: string): Map<string, Offer[]> {
  const byName = new Map<string, Offer[]>();
  for (const agreement of index.agreementsTo(consumer)) {
    for (const entry of agreement.resources) {
      for (const resource of index.resources(entry.code)) {
        const key = comparableName(resource.name);
        byName.set(key, [...(byName.get(key) ?? []), { agreement, entry, resource }]);
      }
    }
  }
  return byName;
}

export const rule = defineRule({
  meta: {
    id: 'service/resubmitted-shared-data',
    defaultSeverity: 'warning',
    scope: 'workspace',
    fixable: 'suggestion',
    summary: bilingual('要求申请人提交已可通过共享获取的数据', 'The applicant is asked for data the implementer already receives by sharing'),
    source: '政务数据共享条例 (M)',
    kinds: ['Service'],
  },
  check(ctx) {
    const implementer = comparableUscc(ctx, ['implementer', 'uscc']);
    if (!implementer) return;
    for (const material of materialsOf(ctx)) {
      const namePath = [...material.path, 'name'];
      const name = readableValue(ctx, namePath);
      if (sourceOf(ctx, material) !== 'applicant' || typeof name !== 'string') continue;
      const offers = offersTo(ctx.index, implementer, name).filter((o) => periodOn(o.agreement, ctx.today) === 'in force');
      if (offers.length === 0) continue;
      const [first] = offers;
      ctx.report({
        path: namePath,
        message: bilingual(
          `材料“${name}”由申请人提交（source: applicant），但协议“${first.agreement.id}”已向本实施主体共享同名信息资源 ${first.resource.code}：能共享获取的数据不得要求群众重复提交（数据多跑路，百姓少跑腿）。请把 source 改为 sharing 并填写 sharing。`,
          `Material "${name}" is submitted by the applicant (source: applicant), but agreement "${first.agreement.id}" already gives the implementer the resource ${first.resource.code} of that name: data obtainable by sharing must not be collected again. Set source to sharing and fill in the sharing block.`),
        related: [
          ...offers.map((o) => ({
            at: { file: o.agreement.file, document: o.agreement.document, path: [...o.entry.path, 'code'] },
            message: bilingual(`协议“${o.agreement.id}”向本实施主体共享该资源`, `Agreement "${o.agreement.id}" gives the implementer this resource`),
          })),
          { at: { file: first.resource.file, document: first.resource.document, path: [...first.resource.path, 'name'] }, message: bilingual('目录中的信息资源', 'The resource in the catalogue') },
        ],
        fixes: switchToSharing(ctx, material.path, first),
      });
    }
  },
});

/**
 * The suggestion "switch source to sharing": `source` becomes `sharing` in the quoting it was written in, and a
 * `sharing` block naming the agreement, resource and items is added beside it (flow or block style, as the material
 * is written). Offered only when the agreement lists items, since the block needs at least one.
 */
function switchToSharing(ctx: RuleContext, materialPath: JsonPath, offer: Offer): FixSpec[] {
  if (offer.entry.items.length === 0) return [];
  const sourcePath = [...materialPath, 'source'];
  const block = `sharing: { agreement: ${JSON.stringify(offer.agreement.id)}, resource: ${JSON.stringify(offer.entry.code)}, items: [${offer.entry.items.map((i) => JSON.stringify(i)).join(', ')}] }`;
  const edits: FixSpec['edits'] = [{ path: sourcePath, anchor: 'value', newText: rewriteScalar(ctx.sourceOf(sourcePath), 'sharing') }];
  // A material that already has a sharing block keeps it; shared-material-agreement checks what it names.
  if (ctx.get([...materialPath, 'sharing']) === undefined) edits.push(insertBeside(ctx, sourcePath, block));
  return [{ title: bilingual(`改为共享获取（协议 ${offer.agreement.id}）`, `Obtain by sharing (agreement ${offer.agreement.id})`), safe: false, edits }];
}

/** An edit that adds `entry` as a sibling key after `path`: after it in a flow mapping, on the next line in block style. */
function insertBeside(ctx: RuleContext, path: JsonPath, entry: string): FixSpec['edits'][number] {
  const key = ctx.rangeOf(path, 'key');
  const value = ctx.rangeOf(path, 'value');
  const lines = ctx.text.split(/\r?\n/);
  const before = lines[key.start.line].slice(0, key.start.character);
  if (/[{,]\s*$/.test(before)) return { range: { start: value.end, end: value.end }, newText: `, ${entry}` };
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const end = { line: value.end.line, character: lines[value.end.line].length };
  return { range: { start: end, end }, newText: `${eol}${' '.repeat(key.start.character)}${entry}` };
}
