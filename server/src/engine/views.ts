import type { JsonPath } from './types';
import type { WorkspaceIndex } from './workspace';
import type { PlainDocument } from './yaml/source';
import type { LineMap } from './yaml/lines';
import { VIEW_PATHS, viewCovers } from './workspace-view';
import type { DocumentView } from './workspace-view';
import { DocumentLint, OutsideView } from './document-lint';
import type { DocumentSource } from './document-lint';
import type { LintInput } from './lint';

/** The source of a view: none, so that any use of the text or of its syntax tree leaves the view. */
const NO_SOURCE: DocumentSource = {
  get text(): string { throw new OutsideView(); },
  get lines(): LineMap { throw new OutsideView(); },
  treeFor(): never { throw new OutsideView(); },
};

/**
 * The workspace phase on a file's views (workspace-view.ts) instead of its text: true when every workspace-scope rule,
 * and every file-scope rule the file phase deferred to it, runs to its end reporting nothing and reading only inside
 * the views. The full phase would then report nothing
 * either (same values, same index, same flagged nodes), so the file need not be read again; false means "run it".
 */
export function quietOnViews(
  input: Pick<LintInput, 'file' | 'config' | 'today'> & { index: WorkspaceIndex },
  views: readonly DocumentView[],
  flagged: readonly (readonly string[] | undefined)[],
  deferred: readonly (readonly string[] | undefined)[],
  paths = VIEW_PATHS,
): boolean {
  const leave = () => { throw new OutsideView(); };
  try {
    for (const view of views) {
      const doc: PlainDocument = { index: view.index, value: view.value, problems: [] };
      const covers = (path: JsonPath) => viewCovers(view.kind, path, paths);
      new DocumentLint(input, NO_SOURCE, doc, input.index, leave, flagged[view.index] ?? [], covers).run(view.kind, ['workspace'], deferred[view.index] ?? []);
    }
    return true;
  } catch {
    // Leaving the view, and any other failure, mean "run the full phase" (which reports a failure as the file's own
    // meta/internal-error).
    return false;
  }
}
