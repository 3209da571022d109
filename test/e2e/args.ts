// Shared command line of the extension-host launchers (code-server and desktop VS Code).
import * as path from 'path';
import { repoRoot } from './code-server/paths';

export interface SuiteArgs { extension: string; tests: string; workspace: string; vsix: string[] }

/** --extension DIR (default: repo root)  --tests FILE (default: out/e2e/suite/index.js)
 *  --workspace DIR (default: test/e2e/workspace)  --vsix FILE (repeatable; code-server only) */
export function parseSuiteArgs(argv = process.argv.slice(2)): SuiteArgs {
  const get = (name: string): string[] => {
    const out: string[] = [];
    argv.forEach((a, i) => {
      if (a === name && argv[i + 1]) out.push(path.resolve(argv[i + 1]));
    });
    return out;
  };
  return {
    extension: get('--extension')[0] ?? repoRoot,
    tests: get('--tests')[0] ?? path.join(repoRoot, 'out/e2e/suite/index.js'),
    workspace: get('--workspace')[0] ?? path.join(repoRoot, 'test/e2e/workspace'),
    vsix: get('--vsix'),
  };
}
