/**
 * Host helper (uses the file system; the render modules never import it): the graph library's minified source,
 * which the pages inline with their nonce instead of loading anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file the map pages inline; a packaged extension must ship it (keep it out of .vscodeignore). */
export const GRAPH_LIBRARY_FILE = 'cytoscape/dist/cytoscape.min.js';

let cached: string | undefined;

/**
 * Read once per process: beside the running bundle (the build copies it into dist/, so a packaged extension needs
 * no node_modules), else from node_modules as `require` finds it (tests running from source).
 */
export function readGraphLibrary(resolveFrom: (request: string) => string = require.resolve): string {
  if (cached !== undefined) return cached;
  const beside = join(__dirname, 'cytoscape.min.js');
  return (cached = readFileSync(existsSync(beside) ? beside : resolveFrom(GRAPH_LIBRARY_FILE), 'utf8'));
}
