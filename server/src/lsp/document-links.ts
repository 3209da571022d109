import type { DocumentLink } from 'vscode-languageserver';
import type { DocumentLinkEntry } from '../engine';
import { rulePageUri } from '../host/rule-pages';

/**
 * An LSP link. A definition is a file URI with the line and column in VS Code's fragment form (`#L12,5`, 1-based),
 * which other editors ignore, opening the file; a rule id leads to the package's page of the rule, or nowhere.
 */
export function toDocumentLink(entry: DocumentLinkEntry, uriOf: (file: string) => string): DocumentLink | undefined {
  const { target } = entry;
  let uri: string | undefined;
  if ('url' in target) uri = target.url;
  else if ('rule' in target) uri = rulePageUri(target.rule);
  else {
    const { start } = target.definition.range;
    uri = `${uriOf(target.definition.file)}#L${start.line + 1},${start.character + 1}`;
  }
  return uri === undefined ? undefined : { range: entry.range, target: uri, tooltip: entry.tooltip };
}
