import { defineRule } from '../../api';
import { comparableUscc } from '../../id/agency-references';
import type { ReportSpec, RuleContext } from '../../api';
import type { JsonPath, Message } from '../../../types';
import { isUnread } from '../../../workspace';
import type { AgreementFact } from '../../../workspace';
import { periodOn } from '../../agreement/_shared';
import { materialLabel, materialsOf, SHARED_SOURCES, sourceOf, usableConsumer } from '../_shared';
import type { MaterialRef } from '../_shared';
import { bilingual } from '../../../l10n/message';

/** What a material's `sharing` block names, read once. */
interface SharingRef {
  what: Message;
  path: JsonPath;
  agreement: string;
  resource: string;
  items: { name: string; path: JsonPath }[];
}

/** The outcome of checking one agreement: how far down the list of conditions it got, and what to report. */
interface Outcome { passed: number; reports: ReportSpec[] }

const CONDITIONS = 4; // in force, consumer, resource, items (existence is checked before any agreement is at hand)

export const rule = defineRule({
  meta: {
    id: 'service/shared-material-agreement',
    defaultSeverity: 'error',
    scope: 'workspace',
    fixable: 'none',
    summary: bilingual('共享获取的材料所依据的协议不存在、未生效、使用方不符或未覆盖所需资源和信息项', 'A shared material names an agreement that is missing, not in force, for another consumer, or not covering its resource and items'),
    source: '政务数据共享条例 (M); once-only principle',
    kinds: ['Service'],
  },
  check(ctx) {
    const implementer = comparableUscc(ctx, ['implementer', 'uscc']);
    for (const material of materialsOf(ctx)) {
      const source = sourceOf(ctx, material);
      const blockPath = [...material.path, 'sharing'];
      if (!source || ctx.isFlagged(blockPath)) continue;
      const shared = SHARED_SOURCES.includes(source);
      const hasBlock = ctx.get(blockPath) !== undefined;
      if (shared !== hasBlock) reportCardinality(ctx, material, source, shared);
      else if (shared && lacking(ctx, blockPath).length > 0) reportIncomplete(ctx, material, lacking(ctx, blockPath));
      else if (shared) checkReference(ctx, readSharing(ctx, material), implementer);
    }
  },
});

/** format.md: `sharing` is written when source is sharing or licence, and not allowed otherwise (one defect, one finding: this rule's). */
function reportCardinality(ctx: RuleContext, material: MaterialRef, source: string, shared: boolean): void {
  const what = materialLabel(ctx, material);
  ctx.report({
    path: [...material.path, 'source'],
    message: shared
      ? bilingual(
        `${what['zh-CN']}通过${source === 'licence' ? '电子证照调用' : '数据共享'}获取（source: ${source}），但缺少 sharing：请添加 sharing.agreement（数据共享协议编号）、sharing.resource（信息资源代码）和 sharing.items（所用信息项）。`,
        `The ${what.en} is obtained by ${source === 'licence' ? 'electronic licence' : 'data sharing'} (source: ${source}) but has no sharing block: add sharing.agreement (the agreement id), sharing.resource (the resource code) and sharing.items (the items used).`)
      : bilingual(
        `${what['zh-CN']}写有 sharing，但 source 为 ${source}：sharing 只用于 source: sharing 或 licence 的材料。请把 source 改为 sharing 或 licence，或删除 sharing。`,
        `The ${what.en} has a sharing block but source is ${source}: sharing belongs only to materials with source: sharing or licence. Change source to sharing or licence, or remove the block.`),
  });
}

/** The fields a sharing block must hold that it lacks (format.md: `{ agreement, resource, items+ }`). */
function lacking(ctx: RuleContext, blockPath: JsonPath): string[] {
  return ['agreement', 'resource', 'items'].filter((f) => ctx.get([...blockPath, f]) === undefined);
}

/** The block is there but lacks what the reference needs: this rule's, not schema/required's (docs/semantics.md). */
function reportIncomplete(ctx: RuleContext, material: MaterialRef, fields: string[]): void {
  const what = materialLabel(ctx, material);
  const missing = fields.map((f) => `sharing.${f}`);
  ctx.report({
    path: [...material.path, 'source'],
    message: bilingual(
      `${what['zh-CN']}的 sharing 缺少 ${missing.join('、')}：共享获取的材料须写明所依据的协议编号（agreement）、信息资源代码（resource）和所用信息项（items）。`,
      `The sharing block of the ${what.en} lacks ${missing.join(', ')}: a shared material must name the agreement, the resource code and the items it uses.`),
  });
}

function readSharing(ctx: RuleContext, material: MaterialRef): SharingRef {
  const path = [...material.path, 'sharing'];
  const items = ctx.get([...path, 'items']);
  return {
    what: materialLabel(ctx, material),
    path,
    agreement: String(ctx.get([...path, 'agreement'])),
    resource: String(ctx.get([...path, 'resource'])),
    items: (Array.isArray(items) ? items : []).map((name, j) => ({ name: String(name), path: [...path, 'items', j] })),
  };
}

function checkReference(ctx: RuleContext, ref: SharingRef, implementer: string | undefined): void {
  const agreements = ctx.index.agreements(ref.agreement);
  if (agreements.length === 0 && ctx.index.isReportedIdentity('agreement', ref.agreement)) return;
  if (agreements.length === 0) {
    ctx.report({
      path: [...ref.path, 'agreement'],
      message: bilingual(
        `${ref.what['zh-CN']}的 sharing.agreement “${ref.agreement}”在工作区中没有对应的数据共享协议：请核对协议编号，或把该协议加入工作区。`,
        `The sharing.agreement "${ref.agreement}" of the ${ref.what.en} names no sharing agreement in the workspace: check the id, or add the agreement to the workspace.`),
    });
    return;
  }
  // A duplicated agreement id is satisfied when any one of the duplicates is; otherwise report the one that
  // came closest, so the message names the condition still to settle.
  const outcomes = agreements.map((a) => evaluate(ctx, ref, a, implementer));
  if (outcomes.some((o) => o.passed === CONDITIONS)) return;
  const closest = outcomes.reduce((best, o) => (o.passed > best.passed ? o : best));
  for (const spec of closest.reports) ctx.report(spec);
}

/** The conditions in the order the doc lists them; the first that fails decides the node and the message (placement). */
function evaluate(ctx: RuleContext, ref: SharingRef, agreement: AgreementFact, implementer: string | undefined): Outcome {
  const at = (path: JsonPath) => ({ file: agreement.file, document: agreement.document, path });
  const id = ref.agreement;
  const agreementPath = [...ref.path, 'agreement'];

  const period = periodOn(agreement, ctx.today);
  if (period === 'not yet' || period === 'lapsed') {
    return { passed: 0, reports: [{
      path: agreementPath,
      message: bilingual(
        `${ref.what['zh-CN']}所依据的协议“${id}”有效期为 ${agreement.validFrom} 至 ${agreement.validTo}，今天（${ctx.today}）不在有效期内：请续签协议或改用有效的协议。`,
        `The agreement "${id}" behind the ${ref.what.en} runs from ${agreement.validFrom} to ${agreement.validTo} and is not in force today (${ctx.today}): renew it or use an agreement in force.`),
      related: [{ at: at([period === 'lapsed' ? 'validTo' : 'validFrom']), message: bilingual('协议的有效期', 'The validity of the agreement') }],
    }] };
  }

  const consumer = usableConsumer(ctx.index, agreement);
  if (implementer && consumer && consumer !== implementer) {
    const name = agreement.consumer?.name;
    return { passed: 1, reports: [{
      path: agreementPath,
      message: bilingual(
        `协议“${id}”的使用方 consumer 是 ${name ? `${name}（${consumer}）` : consumer}，不是本事项的实施主体 implementer（${implementer}）：只有协议的使用方可以依协议获取数据。请改用以本实施主体为使用方的协议。`,
        `The consumer of agreement "${id}" is ${name ? `${name} (${consumer})` : consumer}, not this service's implementer (${implementer}): only the consumer named in an agreement may obtain data under it. Use an agreement whose consumer is the implementer.`),
      related: [{ at: at(['consumer', 'uscc']), message: bilingual('协议的使用方', 'The consumer of the agreement') }],
    }] };
  }

  // What the agreement's own document reports (its resources, an entry's items) cannot show a gap (docs/semantics.md).
  if (isUnread(agreement, 'resources')) return { passed: CONDITIONS, reports: [] };
  const entries = agreement.resources.filter((r) => r.code === ref.resource);
  if (entries.some((e) => isUnread(e, 'items'))) return { passed: CONDITIONS, reports: [] };
  if (entries.length === 0) {
    const covered = agreement.resources.map((r) => r.code).join('、');
    return { passed: 2, reports: [{
      path: [...ref.path, 'resource'],
      message: bilingual(
        `协议“${id}”不包含信息资源 ${ref.resource}（sharing.resource）${covered ? `，只包含 ${covered}` : ''}：请改用包含该资源的协议，或在协议的 resources 中申请它。`,
        `Agreement "${id}" does not cover the resource ${ref.resource} (sharing.resource)${covered ? `; it covers ${covered}` : ''}: use an agreement that covers it, or request it under the agreement's resources.`),
      related: [{ at: at(['resources']), message: bilingual('协议申请的信息资源', 'The resources the agreement requests') }],
    }] };
  }

  const granted = new Set(entries.flatMap((e) => e.items));
  const missing = ref.items.filter((item) => !granted.has(item.name));
  return { passed: missing.length === 0 ? CONDITIONS : 3, reports: missing.map((item) => ({
    path: item.path,
    message: bilingual(
      `协议“${id}”对信息资源 ${ref.resource} 没有申请信息项“${item.name}”：请从 sharing.items 删除它，或在协议中申请该信息项。`,
      `Agreement "${id}" does not request the item "${item.name}" of resource ${ref.resource}: remove it from sharing.items, or request it under the agreement.`),
    related: entries.map((e) => ({ at: at([...e.path, 'items']), message: bilingual('协议对该资源申请的信息项', 'The items the agreement requests from this resource') })),
  })) };
}
