import type { Locale, Range } from '../types';
import type { FeatureWorkspace, Location, OpenFile } from './context';
import { locationOf } from './context';
import { classifyDocuments } from '../lint';
import { scalarsOf } from './ast';
import { definitionNodes } from './navigation';
import { readDirectives } from '../suppressions';
import { RULE_METAS } from '../rules/registry';
import { bilingual } from '../l10n/message';

/** Where a link leads: a web address written in the text, a rule's documentation, or a definition in the workspace. */
export type LinkTarget = { url: string } | { rule: string } | { definition: Location };

export interface DocumentLinkEntry { range: Range; target: LinkTarget; tooltip: string }

/** The fields whose text may cite a web page: a sharing basis (`basis`) and a source. */
const CITING_FIELDS = new Set(['basis', 'source']);
/** An http(s) address, up to a space, a quote or the CJK punctuation that ends a sentence around it. */
const URL = /https?:\/\/[^\s"'<>()（）《》「」，。、；！？]+/g;

const TOOLTIPS = {
  rule: bilingual('打开规则说明', 'Open the rule documentation'),
  definition: bilingual('转到定义', 'Go to the definition'),
  url: bilingual('打开网页', 'Open the web page'),
} satisfies Record<string, Record<Locale, string>>;

/**
 * The links of a file: web addresses in `basis` and `source` fields, the rule ids of suppression comments, and the
 * agreement ids and resource codes it refers to (to their first definition, from the workspace index).
 */
export function documentLinks(ws: FeatureWorkspace, open: OpenFile): DocumentLinkEntry[] {
  const { parsed } = open;
  const out: DocumentLinkEntry[] = [];
  const link = (start: number, end: number, target: LinkTarget, tooltip: keyof typeof TOOLTIPS) =>
    out.push({ range: parsed.lines.rangeOf(start, end), target, tooltip: TOOLTIPS[tooltip][ws.locale] });
  classifyDocuments(open.file, parsed).forEach((gov, i) => {
    const doc = parsed.documents[i];
    if (!gov.govspec || !doc) return;
    for (const { path, start, end } of scalarsOf(doc)) {
      if (!path.some((step) => typeof step === 'string' && CITING_FIELDS.has(step))) continue;
      for (const m of parsed.text.slice(start, end).matchAll(URL)) link(start + m.index!, start + m.index! + m[0].length, { url: m[0] }, 'url');
    }
  });
  for (const directive of readDirectives(parsed)) {
    for (const mention of directive.rules) if (RULE_METAS.has(mention.id)) link(mention.start, mention.end, { rule: mention.id }, 'rule');
  }
  for (const ref of ws.index.factsOf(open.file)?.references ?? []) {
    if (ref.kind !== 'agreement' && ref.kind !== 'resource') continue;
    const here = locationOf(ws, ref);
    const there = definitionNodes(ws, ref).map((n) => locationOf(ws, n)).find((l) => l !== undefined);
    if (here && there) out.push({ range: here.range, target: { definition: there }, tooltip: TOOLTIPS.definition[ws.locale] });
  }
  return out;
}
