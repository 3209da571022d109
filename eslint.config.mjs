// Flat config: the recommended JavaScript and typescript-eslint rules, without type-aware rules so that it stays fast.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The Node globals the build and test scripts use; listed here rather than pulled from a transitive package. */
const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setImmediate', '__dirname', 'require', 'module']
    .map((name) => [name, 'readonly']),
);

export default tseslint.config(
  {
    ignores: [
      'dist/', 'out/', '**/node_modules/', '.cache/', 'bench/corpus/', 'bench/peers/',
      'server/src/engine/schema/generated/', 'server/src/engine/ids/generated/',
    ],
  },
  js.configs.recommended,
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: NODE_GLOBALS } },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // Custom LSP requests are declared once as a namespace holding their method and type (server/src/lsp/protocol.ts).
      '@typescript-eslint/no-namespace': 'off',
      // `_`-prefixed names are deliberately unused (interface-shaped parameters, ignored tuple members).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
);
