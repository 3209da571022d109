/**
 * Where the panels get their pages. The extension answers with the language server, which holds the index and the
 * findings and renders with server/src/render/pages.ts; the panels only supply their nonce and resource origin.
 */
import type { PageRequest } from '../../../server/src/render/pages';

export type { PageRequest };

export interface ViewData {
  /** The guide of the Service document at `line` (0-based) of `uri`; undefined when the server cannot answer yet. */
  serviceGuide(uri: string, line: number, page: PageRequest): Promise<string | undefined>;
  /** The workspace's sharing map. */
  sharingMap(page: PageRequest): Promise<string | undefined>;
  /** The map's data alone, posted into an open map after an edit so that it keeps its zoom and selection. */
  sharingGraph(locale: PageRequest['locale']): Promise<unknown>;
  /** The language of the pages (the `govspec.locale` setting, else VS Code's). */
  locale(): PageRequest['locale'];
}
