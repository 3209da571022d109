/**
 * The engine's public API: what the hosts (cli/, lsp/, host/, render/, sheets/, client/, bench/, scripts/) may use.
 * Hosts import from here, not from the engine's inner modules, so the engine can be rearranged without touching
 * them; `test/meta/engine-layering.test.ts` fails on an inner import from outside the engine. Grouped by concern.
 */

// The vocabulary: findings, ranges, messages, rule metadata, reports, kinds, the rule doc links.
export * from './types';

// Messages in both languages: the one builder, YAML faults' wording, rule sources and their confidence legend.
export { bilingual } from './l10n/message';
export { yamlMessage } from './l10n/engine-messages';
export { confidenceLegend, readableSource } from './l10n/sources';

// Linting one file (the two phases, which files and documents are GovSpec, finishing and sorting findings).
export { lintFile, lintPhase, finishFindings, sortFindings, sourceOf, wholeFileFinding, internalErrorFinding } from './lint';
export type { FileLint, LintInput, LintPhase, PhaseLint, RelatedResolver } from './lint';
export { looksLikeGovSpec, isGovSpecFileName, classifyDocuments, documentData } from './classify';
export type { GovDocument } from './classify';
export { quietOnViews } from './views';

// Many texts as a workspace: the index, each file's facts, the views phase 2 runs on.
export { factsOfText, indexText, lintTexts } from './workspace-lint';
export type { WorkspaceLintOptions } from './workspace-lint';
export { WorkspaceIndex, IndexPending, changedLookups, lookupsOf, compactFacts, displayName, extractFacts, joinIndexes, storedFacts } from './workspace';
export type { AgencyFact, AgreementFact, DocumentData, FactsSource, FileFacts, NodeRef } from './workspace';
export { viewsOf } from './workspace-view';
export type { DocumentView } from './workspace-view';

// Reading YAML: the bounds, the parse shared by a run, fast data with a precise tree on demand, lines and offsets.
export { LIMITS, parseYaml } from './yaml/parse';
export type { ParsedFile } from './yaml/parse';
export { ParseCache } from './yaml/parse-cache';
export { EDITOR_REGION_MIN_CHARS, YamlSource } from './yaml/source';
export { LineMap } from './yaml/lines';
export { readBlock } from './yaml/block-reader';

// Configuration: the default, `extends` chains and root marks, the severity a rule runs at.
export { DEFAULT_CONFIG } from './config/types';
export type { IgnoreSource, ResolvedConfig, RuleSetting } from './config/types';
export { declaresRoot, loadConfig } from './config/load';
export type { ConfigHost, LoadedConfig } from './config/load';
export { severityOf } from './config/severity';
export { compileKeyPatterns, keyPatternTextsOf, keyPatternsOf } from './config/key-patterns';
export type { KeyPatternTexts } from './config/key-patterns';
export { optionDefaults, optionTypeLabel } from './config/rule-options';

// The rules, as the registry lists them.
export { ALL_RULES, RULES_BY_ID, RULE_METAS } from './rules/registry';

// Reference data and helpers hosts share: regions, calendar dates, schemas for labels and columns, near names.
export { bundledRegions } from './ids/regions';
export { isRealDate } from './calendar/dates';
export { schemaAt } from './schema/schemas';
export type { SchemaText } from './schema/schemas';
export { didYouMean, nearestName } from './text/did-you-mean';

// Editor features (completion, hover, navigation, rename, symbols, code actions, inlay hints) and the choice of
// safe fixes that `--fix` and the editor's fix all share; `nodeAt` finds the YAML node at an offset.
export * from './features';
export { nodeAt } from './features/ast';
