import type { Finding, Locale, Message, RuleDocLink, TextEdit } from '../types';
import { ruleDocUrl } from '../types';
import type { OpenFile } from './context';
import { pick } from './context';
import { bilingual } from '../l10n/message';

export interface CodeActionEntry {
  title: string;
  ruleId: string;
  /** The fix to apply at once (a safe fix, the only one of its finding). */
  preferred: boolean;
  edits?: Map<string, TextEdit[]>;
  /** A page to open instead of an edit. */
  openUrl?: string;
}

type FindingLike = Pick<Finding, 'ruleId' | 'range' | 'fixes'>;

const DIRECTIVE = /#\s*govspec-disable-line\s+/;
const REASON: Message = bilingual('原因', 'reason');

/** For each finding: its fixes, then "disable RULE for this line" and "open RULE's documentation" (at `ruleDoc`). */
export function codeActions(open: OpenFile, findings: readonly FindingLike[], locale: Locale, ruleDoc: RuleDocLink = ruleDocUrl): CodeActionEntry[] {
  return findings.flatMap((f) => {
    const safe = f.fixes.filter((fix) => fix.safe);
    const fixes: CodeActionEntry[] = f.fixes.map((fix) => ({ title: pick(fix.title, locale), ruleId: f.ruleId, preferred: fix.safe && safe.length === 1, edits: byFile(fix.edits) }));
    const disable = f.ruleId.startsWith('meta/') ? [] : [disableForLine(open, f, locale)];
    const docs = { title: pick(bilingual(`查看规则 ${f.ruleId} 的说明`, `Open the documentation of ${f.ruleId}`), locale), ruleId: f.ruleId, preferred: false, openUrl: ruleDoc(f.ruleId) };
    return [...fixes, ...disable, docs];
  });
}

function byFile(edits: readonly { file: string; range: TextEdit['range']; newText: string }[]): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const { file, range, newText } of edits) out.set(file, [...(out.get(file) ?? []), { range, newText }]);
  return out;
}

/**
 * A suppression comment for the finding's line (docs/semantics.md): added to a `govspec-disable-line` comment already
 * there; written at the end of the line; or, when the line already ends in another comment, on a line above.
 */
function disableForLine(open: OpenFile, f: FindingLike, locale: Locale): CodeActionEntry {
  const { lines, text, comments } = open.parsed;
  const line = f.range.start.line;
  const comment = comments.find((c) => lines.positionAt(c.offset).line === line);
  const title = pick(bilingual(`在此行禁用 ${f.ruleId}`, `Disable ${f.ruleId} for this line`), locale);
  const reason = pick(REASON, locale);
  let edit: TextEdit;
  const directive = comment && DIRECTIVE.exec(comment.text);
  if (comment && directive) {
    const at = lines.positionAt(comment.offset + directive.index + directive[0].length);
    edit = { range: { start: at, end: at }, newText: `${f.ruleId}, ` };
  } else if (comment) {
    const start = lines.lineStart(line);
    const indent = /^\s*/.exec(text.slice(start, lines.lineEnd(line)))![0];
    const at = lines.positionAt(start);
    edit = { range: { start: at, end: at }, newText: `${indent}# govspec-disable-next-line ${f.ruleId} -- ${reason}\n` };
  } else {
    const at = lines.positionAt(lines.lineEnd(line));
    edit = { range: { start: at, end: at }, newText: `  # govspec-disable-line ${f.ruleId} -- ${reason}` };
  }
  return { title, ruleId: f.ruleId, preferred: false, edits: new Map([[open.file, [edit]]]) };
}
