/** Extension figures: the size of each dist bundle; activation needs an extension host. */

import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_DIR } from '../lib/corpus';
import { Figures, setFigure, setUnmeasured } from '../lib/figure';
import { round } from '../lib/stats';

export function extensionFigures(figures: Figures): void {
  const dist = path.join(REPO_DIR, 'dist');
  const bundles = existsSync(dist) ? readdirSync(dist).filter((name) => name.endsWith('.js')).sort() : [];
  if (bundles.length === 0) setUnmeasured(figures, 'extension.bundles_kb', 'dist/ holds no bundle: run npm run build');
  else {
    const sizes: Record<string, number> = {};
    for (const name of bundles) sizes[name] = round(statSync(path.join(dist, name)).size / 1024, 1);
    setFigure(figures, 'extension.bundles_kb', sizes);
  }
  setUnmeasured(figures, 'extension.activation_ms', existsSync(path.join(dist, 'client.js'))
    ? 'activation is timed inside a VS Code extension host (test/e2e launchers); the benchmark does not start one'
    : 'dist/client.js is not built (the extension client does not exist yet), and activation needs a VS Code extension host');
}
