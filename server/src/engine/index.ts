/**
 * The engine's public API: what the hosts (cli/, lsp/, host/, render/, client/) may use. Hosts import from here,
 * not from the engine's inner modules, so the engine can be rearranged without touching them.
 */
export * from './types';
export { lintFile, lintPhase, finishFindings, sortFindings, sourceOf, wholeFileFinding, internalErrorFinding } from './lint';
export type { FileLint, LintInput, LintPhase, PhaseLint, RelatedResolver } from './lint';
export { looksLikeGovSpec, isGovSpecFileName, classifyDocuments, documentData } from './classify';
export type { GovDocument } from './classify';
export { quietOnViews } from './views';
export { indexText, lintTexts } from './workspace-lint';
export type { WorkspaceLintOptions } from './workspace-lint';
export { ParseCache } from './yaml/parse-cache';
export { WorkspaceIndex, IndexPending, changedLookups, compactFacts, displayName, extractFacts, joinIndexes, storedFacts } from './workspace';
export type { AgreementFact, DocumentData, FileFacts, NodeRef } from './workspace';
export { viewsOf } from './workspace-view';
export type { DocumentView } from './workspace-view';
export { DEFAULT_CONFIG } from './config/types';
export type { IgnoreSource, ResolvedConfig, RuleSetting } from './config/types';
export { declaresRoot, loadConfig } from './config/load';
export type { ConfigHost, LoadedConfig } from './config/load';
export { severityOf } from './config/severity';
export { ALL_RULES, RULES_BY_ID, RULE_METAS } from './rules/registry';
export { LIMITS } from './yaml/parse';
export type { ParsedFile } from './yaml/parse';
export { YamlSource } from './yaml/source';
export { LineMap } from './yaml/lines';
export { bundledRegions } from './ids/regions';
export { isRealDate } from './calendar/dates';
export { didYouMean } from './text/did-you-mean';
export { bilingual } from './l10n/message';
export { yamlMessage } from './l10n/engine-messages';
export { schemaAt } from './schema/schemas';
