import type { ResolvedConfig } from './config/types';
import { severityOf } from './config/severity';
import type { Finding, Message, Range } from './types';
import type { ParsedFile } from './yaml/parse';
import { RULE_METAS } from './rules/registry';
import { didYouMean } from './text/did-you-mean';
import { bilingual } from './l10n/message';

type Scope = 'line' | 'next-line' | 'file';

interface RuleMention { id: string; start: number; end: number }

interface Directive { scope: Scope; line: number; rules: RuleMention[]; reason: string | null; commentStart: number; commentEnd: number; keywordEnd: number }

// `s`: a comment runs to the end of its line, U+2028 included (JavaScript's `.` would stop there).
const DIRECTIVE = /^#\s*govspec-disable-(line|next-line|file)\b(.*)$/s;

/** Reads `# govspec-disable-line|next-line|file RULE[, RULE…] [-- reason]` from real YAML comments only. */
export function readDirectives(parsed: ParsedFile): Directive[] {
  const out: Directive[] = [];
  for (const comment of parsed.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const [listed, ...said] = m[2].split(/\s--(?:\s|$)/);
    // A rule name holds no `#`: one ends the list (a second comment on the line, such as a fixture's `# expect:`).
    const body = listed.split(/\s#/)[0];
    // The reason ends where a second comment begins (` # `), as the rule list does.
    const reason = said.length > 0 ? said.join(' -- ').split(/(?:^|\s)#\s/)[0].trim() : '';
    const bodyStart = comment.offset + comment.text.length - m[2].length;
    const rules: RuleMention[] = [];
    for (const id of body.matchAll(/[^\s,]+/g)) {
      const start = bodyStart + id.index!;
      rules.push({ id: id[0], start, end: start + id[0].length });
    }
    out.push({
      scope: m[1] as Scope, line: parsed.lines.positionAt(comment.offset).line, rules, reason: reason === '' ? null : reason,
      commentStart: comment.offset, commentEnd: comment.offset + comment.text.length, keywordEnd: bodyStart,
    });
  }
  return out;
}

/**
 * Marks suppressed findings (`suppressed`, with the comment's reason) and adds `meta/unused-suppression`,
 * `meta/unknown-rule` and `meta/suppression-reason` findings (docs/semantics.md). meta/* findings are never
 * suppressed.
 */
export function applySuppressions(file: string, parsed: ParsedFile, findings: Finding[], config: ResolvedConfig): Finding[] {
  const directives = readDirectives(parsed);
  if (directives.length === 0) return findings;
  const used = new Set<RuleMention>();
  const covering = directivesByLine(directives);
  const kept = findings.map((f) => {
    if (f.ruleId.startsWith('meta/')) return f;
    for (const directive of covering(f.range.start.line)) {
      const mention = directive.rules.find((r) => r.id === f.ruleId);
      if (!mention) continue;
      used.add(mention);
      return { ...f, suppressed: { reason: directive.reason } };
    }
    return f;
  });
  const meta: Finding[] = [];
  const report = (ruleId: string, mention: RuleMention, message: Message, fixes: Finding['fixes']) => {
    const severity = severityOf(ruleId, config);
    if (severity === 'off') return;
    meta.push({ ruleId, severity, message, file, range: parsed.lines.rangeOf(mention.start, mention.end), document: documentAt(parsed, mention.start), related: [], fixes });
  };
  for (const d of directives) {
    if (d.reason === null) {
      // At the directive itself, up to its last rule name: the reason belongs after them.
      const end = d.rules.length > 0 ? d.rules[d.rules.length - 1].end : d.keywordEnd;
      report('meta/suppression-reason', { id: '', start: d.commentStart, end }, missingReasonMessage(), []);
    }
    for (const mention of d.rules) {
      if (!RULE_METAS.has(mention.id)) {
        const guess = didYouMean(mention.id, RULE_METAS.keys());
        report('meta/unknown-rule', mention, unknownRuleMessage(mention.id, guess), guess ? [{
          title: bilingual(`改为 ${guess}`, `Change to ${guess}`), safe: false,
          edits: [{ file, range: parsed.lines.rangeOf(mention.start, mention.end), newText: guess }],
        }] : []);
      } else if (!used.has(mention)) {
        // In a document that could not be checked (a YAML error), the suppression may well be needed once it can:
        // removing it is then a suggestion, never a --fix.
        const checked = parsed.documents.find((doc) => doc.index === documentAt(parsed, mention.start))?.value !== undefined;
        report('meta/unused-suppression', mention, unusedMessage(mention.id, severityOf(mention.id, config) === 'off'), [{
          title: bilingual('删除此抑制', 'Remove this suppression'), safe: checked, edits: [{ file, ...removal(parsed, d, mention) }],
        }]);
      }
    }
  }
  return [...kept, ...meta];
}

/**
 * The directives that cover a finding starting on a line, in the order they are written: the file's, and those of
 * that line or the line before. Looked up by line, so that a file with a directive per entry and a finding per entry
 * costs the findings, not their product.
 */
function directivesByLine(directives: readonly Directive[]): (line: number) => readonly Directive[] {
  const byLine = new Map<number, Directive[]>();
  const whole = directives.filter((d) => d.scope === 'file');
  directives.forEach((d) => {
    if (d.scope === 'file') return;
    const line = d.scope === 'line' ? d.line : d.line + 1;
    const list = byLine.get(line);
    if (list) list.push(d); else byLine.set(line, [d]);
  });
  const order = new Map(directives.map((d, i) => [d, i]));
  return (line) => {
    const here = byLine.get(line);
    if (!here) return whole;
    return whole.length === 0 ? here : [...whole, ...here].sort((a, b) => order.get(a)! - order.get(b)!);
  };
}

function documentAt(parsed: ParsedFile, offset: number): number | null {
  const doc = parsed.documents.find((d) => d.ast.range[0] <= offset && offset <= d.ast.range[2]);
  return doc ? doc.index : null;
}

/** The edit that removes one rule from a directive, or the whole comment when it names only that rule. */
function removal(parsed: ParsedFile, d: Directive, mention: RuleMention): { range: Range; newText: string } {
  const text = parsed.text;
  if (d.rules.length > 1) {
    const i = d.rules.indexOf(mention);
    const [start, end] = i === 0 ? [mention.start, d.rules[1].start] : [d.rules[i - 1].end, mention.end];
    return { range: parsed.lines.rangeOf(start, end), newText: '' };
  }
  const lineStart = parsed.lines.lineStart(d.line);
  const lineEnd = parsed.lines.lineEnd(d.line);
  if (text.slice(lineStart, d.commentStart).trim() === '') {
    const next = d.line + 1 < parsed.lines.lineCount ? parsed.lines.lineStart(d.line + 1) : lineEnd;
    return { range: parsed.lines.rangeOf(lineStart, next), newText: '' };
  }
  let start = d.commentStart;
  while (start > lineStart && /[ \t]/.test(text[start - 1])) start--;
  return { range: parsed.lines.rangeOf(start, d.commentEnd), newText: '' };
}

function unknownRuleMessage(id: string, guess: string | undefined): Message {
  return bilingual(
    `没有名为 ${id} 的规则${guess ? `；是否指 ${guess}？` : '；请用 govspec rules 查看规则列表。'}`,
    `There is no rule named ${id}${guess ? `; did you mean ${guess}?` : '; run govspec rules for the list.'}`,
  );
}

function unusedMessage(id: string, off: boolean): Message {
  return off
    ? bilingual(`规则 ${id} 已在配置中关闭，此抑制注释不起作用，请删除。`, `Rule ${id} is off in the config, so this suppression does nothing; remove it.`)
    : bilingual(`此处没有 ${id} 的问题可抑制，请删除该抑制注释。`, `There is no ${id} finding here to suppress; remove the suppression.`);
}

function missingReasonMessage(): Message {
  return bilingual(
    '抑制注释没有说明原因：请在规则名后写“-- 原因”，供审核人核对。',
    'This suppression gives no reason: add "-- why" after the rule names, for reviewers to check.',
  );
}
