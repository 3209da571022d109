/**
 * Host helper (uses the file system; the render modules never import it): the graph library's minified source,
 * which the pages inline with their nonce instead of loading anything.
 */
import { readFileSync } from 'node:fs';

/** The file the map pages inline; a packaged extension must ship it (keep it out of .vscodeignore). */
export const GRAPH_LIBRARY_FILE = 'cytoscape/dist/cytoscape.min.js';

let cached: string | undefined;

/** Read once per process from node_modules, found the way `require` finds packages from the running bundle. */
export function readGraphLibrary(resolveFrom: (request: string) => string = require.resolve): string {
  return (cached ??= readFileSync(resolveFrom(GRAPH_LIBRARY_FILE), 'utf8'));
}
