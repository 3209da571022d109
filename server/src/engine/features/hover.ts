import type { Finding, Position, Range } from '../types';
import { schemaAt } from '../schema/schemas';
import { RULE_METAS } from '../rules/registry';
import type { FeatureWorkspace, OpenFile } from './context';
import { govDocumentAt } from './context';
import { nodeAt } from './ast';
import { codeMarkdown, fieldMarkdown, ruleMarkdown } from './docs';
import { slotAt } from './slots';
import { identityAt, splitItem } from './navigation';
import type { Identity } from './navigation';
import { agencyMarkdown, agreementMarkdown, itemMarkdown, resourceMarkdown, serviceMarkdown } from './describe';

export interface HoverResult { markdown: string; range: Range }

type FindingLike = Pick<Finding, 'ruleId' | 'message' | 'range'>;

const contains = (range: Range, p: Position) =>
  (range.start.line < p.line || (range.start.line === p.line && range.start.character <= p.character))
  && (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));

/**
 * What a position means: the findings there (rule, message, source, doc link), what the value resolves to (a code's
 * label, a region's name, the identity a reference names), and the field's meaning in both languages.
 */
export function hover(ws: FeatureWorkspace, open: OpenFile, position: Position, findings: readonly FindingLike[]): HoverResult | undefined {
  const offset = open.parsed.lines.offsetAt(position);
  const gov = govDocumentAt(open, offset);
  if (!gov) return undefined;
  const parts: string[] = [];
  const here = findings.filter((f) => contains(f.range, position));
  for (const f of here) parts.push(ruleMarkdown(RULE_METAS.get(f.ruleId), f.ruleId, f.message, ws.locale, ws.ruleDoc));
  const doc = open.parsed.documents[gov.index];
  const hit = gov.kind && doc ? nodeAt(doc, offset) : undefined;
  let range = here[0]?.range;
  if (hit && gov.kind) {
    range = open.parsed.lines.rangeOf(hit.start, hit.end);
    const schema = schemaAt(gov.kind, hit.path);
    if (hit.on === 'value') {
      const written = open.parsed.text.slice(hit.start, hit.end).replace(/^["']|["']$/g, '');
      const slot = slotAt(gov.kind, hit.path);
      const id = identityAt(ws, open, position);
      const value = slot?.kind === 'region' ? regionMarkdown(ws, written) : id ? identityMarkdown(ws, id) : codeMarkdown(schema, written, ws.locale);
      if (value) parts.push(value);
    }
    const field = schema && fieldMarkdown(schema, ws.locale);
    if (field) parts.push(field);
  }
  return parts.length > 0 && range ? { markdown: parts.join('\n\n---\n\n'), range } : undefined;
}

function regionMarkdown(ws: FeatureWorkspace, code: string): string | undefined {
  const name = ws.regions.fullName(code);
  return name && `\`${code}\` ${name}  \n*GB/T 2260 (${ws.regions.vintage})*`;
}

function identityMarkdown(ws: FeatureWorkspace, id: Identity): string | undefined {
  const { index } = ws;
  switch (id.kind) {
    case 'agency': return agencyMarkdown(ws, id.target);
    case 'resource': {
      const found = index.resources(id.target);
      return found[0] && resourceMarkdown(ws, found[0], found.length);
    }
    case 'item': {
      const [code, name] = splitItem(id.target);
      const found = index.resources(code)[0];
      return found && itemMarkdown(ws, found, name);
    }
    case 'agreement': {
      const found = index.agreements(id.target);
      return found[0] && agreementMarkdown(ws, found[0], found.length);
    }
    case 'service': {
      const found = index.services(id.target);
      return found[0] && serviceMarkdown(ws, found[0], found.length);
    }
  }
}
