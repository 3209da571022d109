/** Editor features over the pure engine: each takes the parsed file, a position and the workspace, and returns data. */
export type { FeatureWorkspace, Location, OpenFile } from './context';
export { complete } from './completion';
export type { CompletionEntry, CompletionKind, CompletionResult } from './completion';
export { hover } from './hover';
export type { HoverResult } from './hover';
export { definition, references, prepareRename, rename } from './navigation';
export { documentSymbols, workspaceSymbols } from './symbols';
export type { DocumentSymbolEntry, SymbolKind, WorkspaceSymbolEntry } from './symbols';
export { codeActions } from './code-actions';
export type { CodeActionEntry } from './code-actions';
export { safeFixEdits, applyEdits } from './fix-all';
export type { SafeFixEdit } from './fix-all';
export { inlayHints } from './inlay-hints';
export type { HintDates, InlayHintEntry } from './inlay-hints';
export { replyWorkdays } from './deadline-hints';
