/**
 * Host helper (uses the file system; the render modules never import it): the graph libraries' source, which the
 * pages inline with their nonce instead of loading anything — cytoscape, then the fCoSE layout (with its two
 * layout bases), which registers itself on the global `cytoscape` it finds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file the map pages inline; a packaged extension must ship it (keep it out of .vscodeignore). */
export const GRAPH_LIBRARY_FILE = 'cytoscape/dist/cytoscape.min.js';
/** The compound-aware layout's UMD builds, in the order their globals need (layoutBase → coseBase → fcose). */
export const LAYOUT_LIBRARY_FILES = ['layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];
/** The build joins (and minifies) LAYOUT_LIBRARY_FILES into this file beside the bundles. */
export const LAYOUT_LIBRARY_OUTPUT = 'fcose-layout.min.js';

let cached: string | undefined;

/**
 * Read once per process: beside the running bundle (the build copies them into dist/, so a packaged extension needs
 * no node_modules), else from node_modules as `require` finds them (tests running from source).
 */
export function readGraphLibrary(resolveFrom: (request: string) => string = require.resolve): string {
  if (cached !== undefined) return cached;
  const beside = (name: string) => join(__dirname, name);
  const core = readFileSync(existsSync(beside('cytoscape.min.js')) ? beside('cytoscape.min.js') : resolveFrom(GRAPH_LIBRARY_FILE), 'utf8');
  const layout = existsSync(beside(LAYOUT_LIBRARY_OUTPUT))
    ? readFileSync(beside(LAYOUT_LIBRARY_OUTPUT), 'utf8')
    : LAYOUT_LIBRARY_FILES.map((file) => readFileSync(resolveFrom(file), 'utf8')).join(';\n');
  return (cached = `${core};\n${layout}`);
}
