import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import type { Finding, Locale } from '../engine';
import { safeFixEdits } from '../engine';
import { bilingual } from '../engine';
import { toWorkspaceEdit } from './convert';

/** GovSpec's "fix all" source action, as vscode-eslint's `source.fixAll.eslint`: what `editor.codeActionsOnSave` runs. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govspec`;

/** Whether a request's `context.only` admits actions of `kind` (LSP: an entry matches itself and the kinds under it). */
export function admits(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** One action applying every safe fix of the document that does not overlap another, as `--fix` does; none when there is none. */
export function fixAllAction(file: string, text: string, findings: readonly Finding[], locale: Locale, uriOf: (file: string) => string): CodeAction[] {
  const edits = safeFixEdits(file, text, findings).map(({ range, newText }) => ({ range, newText }));
  if (edits.length === 0) return [];
  const title = bilingual('修复所有可自动修复的 GovSpec 问题', 'Fix all auto-fixable GovSpec problems')[locale];
  const action = CodeAction.create(title, FIX_ALL_KIND);
  action.edit = toWorkspaceEdit(new Map([[file, edits]]), uriOf);
  return [action];
}
