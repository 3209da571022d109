// The project build: generated sources first, then one esbuild bundle per entry point into dist/.
// Entries whose source does not exist yet are skipped, so a new entry is one line in ENTRIES.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transformSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Scripts that write sources the bundles import, and docs/format.md from the schemas; each is fast and idempotent. */
const GENERATORS = ['scripts/build-validators.mjs', 'scripts/build-regions.mjs', 'scripts/generate-format-doc.ts'];

/** Bundle entries: source, output, and modules left to the host at run time. */
const ENTRIES = [
  { source: 'server/src/cli/main.ts', output: 'dist/cli.js', external: [] },
  { source: 'server/src/lsp/main.ts', output: 'dist/server.js', external: [] },
  // Spreadsheets (exceljs and the CSV and zip libraries, most of the size): required by the two above on first use only.
  { source: 'server/src/sheets/entry.ts', output: 'dist/sheets.js', external: [] },
  // The client is minified: the extension's own bundle should stay well under 1 MB (most of it is the LSP client).
  // It takes only the rule doc links from the engine's entry module, so the engine is marked free of side effects.
  { source: 'client/src/extension.ts', output: 'dist/client.js', external: ['vscode'], minify: true, pureEngine: true },
];

/** Files the bundles read at run time, copied beside them so that a packaged extension needs no node_modules. */
const ASSETS = [{ module: 'cytoscape/dist/cytoscape.min.js', output: 'dist/cytoscape.min.js' }];
/** The same list as LAYOUT_LIBRARY_FILES in server/src/render/graph-library.ts. */
const LAYOUT_MODULES = ['layout-base/layout-base.js', 'cose-base/cose-base.js', 'cytoscape-fcose/cytoscape-fcose.js'];

function copyAssets() {
  const requireFromRoot = createRequire(join(root, 'package.json'));
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const asset of ASSETS) copyFileSync(requireFromRoot.resolve(asset.module), join(root, asset.output));
  // The map's compound layout: three UMD builds that define globals in turn, joined and minified into one file
  // (about 110 KB instead of 320 KB) that the pages inline after cytoscape (render/graph-library.ts).
  const layout = LAYOUT_MODULES.map((module) => transformSync(readFileSync(requireFromRoot.resolve(module), 'utf8'), { minify: true, loader: 'js' }).code).join(';\n');
  writeFileSync(join(root, 'dist', 'fcose-layout.min.js'), layout);
}

const RULES_DIR = join(root, 'server', 'src', 'engine', 'rules');
const RULE_DOCS_MODULE = 'govspec:rule-docs';

/** Finds every rule README below the rules folder, keyed by rule id (the folder path, e.g. `service/fee-basis`). */
function collectRuleDocs() {
  const docs = {};
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'README.md' && dir !== RULES_DIR) docs[relative(RULES_DIR, dir).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  visit(RULES_DIR);
  return docs;
}

/** Serves `govspec:rule-docs`: the rule READMEs as one JSON object, so the installed CLI needs no source tree. */
const ruleDocsPlugin = {
  name: 'rule-docs',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${RULE_DOCS_MODULE}$`) }, () => ({ path: RULE_DOCS_MODULE, namespace: 'rule-docs' }));
    b.onLoad({ filter: /.*/, namespace: 'rule-docs' }, () => ({ contents: JSON.stringify(collectRuleDocs()), loader: 'json' }));
  },
};

const ENGINE_DIR = join(root, 'server', 'src', 'engine');
const RESOLVING = Symbol('pure-engine');

/**
 * Marks every engine module free of side effects (the engine is pure: test/meta/engine-purity.test.ts), so that
 * esbuild drops the modules a bundle reaches through `engine/index.ts` but does not use.
 */
const pureEnginePlugin = {
  name: 'pure-engine',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === RESOLVING) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: RESOLVING });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(ENGINE_DIR + sep)) return undefined;
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

/** Leaves `require('./entry')` of sheets/load.ts to run time, as dist/sheets.js beside the bundle that asks. */
const lazySheetsPlugin = {
  name: 'lazy-sheets',
  setup(b) {
    b.onResolve({ filter: /^\.\/entry$/ }, (args) => (/[\\/]sheets[\\/]load\.ts$/.test(args.importer) ? { path: './sheets.js', external: true } : undefined));
  },
};

/**
 * exceljs decodes each chunk of a sheet's XML on its own, so a character whose UTF-8 bytes straddle two chunks
 * becomes U+FFFD (a large sheet of Chinese text loses a few cells' characters: `个人信息` read as `个人信��`). Its
 * parser is given a StringDecoder, which carries the bytes of a split character over to the next chunk.
 */
const EXCELJS_SPLIT_UTF8 = 'saxesParser.write(bufferToString(chunk));';
const exceljsUtf8Plugin = {
  name: 'exceljs-utf8',
  setup(b) {
    b.onLoad({ filter: /exceljs[\\/]lib[\\/]utils[\\/]parse-sax\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(EXCELJS_SPLIT_UTF8)) throw new Error(`${args.path} changed: check whether it still splits UTF-8 at chunk boundaries`);
      const decoder = "const decoder = new (require('string_decoder').StringDecoder)('utf8');";
      const contents = source.replace('const saxesParser = new SaxesParser();', `const saxesParser = new SaxesParser();\n  ${decoder}`)
        .replace(EXCELJS_SPLIT_UTF8, "saxesParser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));");
      return { contents, loader: 'js' };
    });
  },
};

function runGenerators() {
  // A TypeScript generator runs through tsx, as the test suite does.
  for (const script of GENERATORS) {
    execFileSync(process.execPath, [...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), join(root, script)], { cwd: root, stdio: 'inherit' });
  }
}

async function bundle(entry) {
  await build({
    entryPoints: [join(root, entry.source)],
    outfile: join(root, entry.output),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: entry.minify ?? false,
    external: entry.external,
    // Templates are data, bundled as text so that the bundle is self-contained.
    loader: { '.yaml': 'text' },
    plugins: [ruleDocsPlugin, lazySheetsPlugin, exceljsUtf8Plugin, ...(entry.pureEngine ? [pureEnginePlugin] : [])],
    logLevel: 'warning',
  });
}

const started = Date.now();
runGenerators();
copyAssets();
const present = ENTRIES.filter((entry) => existsSync(join(root, entry.source)));
await Promise.all(present.map(bundle));
console.log(`built ${present.map((e) => e.output).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
