import {
  CodeAction, CodeActionKind, CompletionItemKind, DiagnosticSeverity, DocumentSymbol, InsertTextFormat, InsertTextMode,
  MarkupKind, SymbolKind, WorkspaceEdit,
} from 'vscode-languageserver';
import type { CompletionItem, Diagnostic, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Finding, Fix, Locale, Severity, TextEdit } from '../engine';
import type { CodeActionEntry, CompletionEntry, CompletionKind, DocumentSymbolEntry, SymbolKind as EngineSymbolKind, WorkspaceSymbolEntry } from '../engine';
import { ruleDocTarget } from '../host/rule-pages';
import { OPEN_RULE_DOC_COMMAND } from './protocol';

/** Engine data ⇄ LSP data. Ranges are the same shape on both sides (0-based lines, UTF-16 columns). */

export const DIAGNOSTIC_SOURCE = 'govspec';

/** What a diagnostic carries for its code actions: the engine's fixes, with edits keyed by file URI. */
export interface DiagnosticData { fixes: Fix[] }

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription: { href: ruleDocTarget(f.ruleId) },
    message: f.message[locale],
    relatedInformation: f.related.map((r) => ({ location: { uri: r.file, range: r.range }, message: r.message[locale] })),
    data: { fixes: f.fixes } satisfies DiagnosticData,
  };
}

/** The finding a diagnostic of ours came from, as much as code actions and hovers need. */
export function fromDiagnostic(d: Diagnostic): Pick<Finding, 'ruleId' | 'range' | 'fixes'> | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') return undefined;
  const fixes = (d.data as DiagnosticData | undefined)?.fixes;
  return { ruleId: d.code, range: d.range, fixes: Array.isArray(fixes) ? fixes : [] };
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  reference: CompletionItemKind.Reference,
  region: CompletionItemKind.Value,
  agency: CompletionItemKind.Reference,
  document: CompletionItemKind.Snippet,
};

export function toCompletionItem(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: COMPLETION_KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    sortText: e.sortText,
    filterText: e.filterText,
    textEdit: { range: e.range, newText: e.insertText },
    insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Snippets are written relative to the key; the editor indents their later lines like the cursor's line.
    insertTextMode: InsertTextMode.adjustIndentation,
    additionalTextEdits: e.additionalEdits,
  };
}

export function toWorkspaceEdit(edits: ReadonlyMap<string, readonly TextEdit[]>, uriOf: (file: string) => string): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [file, list] of edits) changes[uriOf(file)] = [...(changes[uriOf(file)] ?? []), ...list];
  return { changes };
}

export function toCodeAction(a: CodeActionEntry, diagnostic: Diagnostic, uriOf: (file: string) => string): CodeAction {
  const action = CodeAction.create(a.title, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (a.preferred) action.isPreferred = true;
  if (a.edits) action.edit = toWorkspaceEdit(a.edits, uriOf);
  if (a.openUrl) action.command = { title: a.title, command: OPEN_RULE_DOC_COMMAND, arguments: [a.openUrl] };
  return action;
}

const SYMBOL_KIND: Record<EngineSymbolKind, SymbolKind> = {
  document: SymbolKind.Module,
  service: SymbolKind.Function,
  resource: SymbolKind.Class,
  agreement: SymbolKind.Interface,
  material: SymbolKind.Field,
  item: SymbolKind.Field,
};

export function toDocumentSymbol(s: DocumentSymbolEntry): DocumentSymbol {
  return DocumentSymbol.create(s.name, s.detail, SYMBOL_KIND[s.kind], s.range, s.selectionRange, s.children.map(toDocumentSymbol));
}

export function toWorkspaceSymbol(s: WorkspaceSymbolEntry, uriOf: (file: string) => string) {
  return { name: s.name, kind: SYMBOL_KIND[s.kind], containerName: s.detail, location: { uri: uriOf(s.location.file), range: s.location.range as LspRange } };
}
