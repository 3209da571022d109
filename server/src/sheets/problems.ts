/** What `govspec import` reports about a spreadsheet itself, before any lint: each at its cell. */
import type { Finding, Message, Severity, SheetCell } from '../engine';

/** The rules of the import; the lint's own rules report on the YAML it wrote. */
export type ImportRuleId =
  | 'import/unreadable'
  | 'import/unmapped-column'
  | 'import/lost-digits'
  | 'import/conflicting-cell'
  | 'import/ignored-content'
  | 'import/cell-error'
  | 'import/encoding';

export interface ImportProblem { ruleId: ImportRuleId; severity: Severity; message: Message; cell: SheetCell }

/** A problem as a finding of the spreadsheet's file: lines are the sheet's rows and columns its columns. */
export function problemFinding(problem: ImportProblem): Finding {
  const { row, column } = problem.cell;
  const at = { line: Math.max(row - 1, 0), character: Math.max(column - 1, 0) };
  return {
    ruleId: problem.ruleId, severity: problem.severity, message: problem.message, file: problem.cell.file,
    range: { start: at, end: { line: at.line, character: at.character + 1 } }, document: null, related: [], fixes: [], cell: problem.cell,
  };
}
