// The workspace the product's end-to-end runs open: a fresh copy of examples/ (the county workspace with its
// commented defects) per run, plus .vscode/settings.json fixing `govspec.today` so date rules give stable results.
// Usage (prints the folder): node --import tsx test/e2e/workspace.ts [PARENT_DIR]
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot, tmpRoot } from './code-server/paths';

/** The day every e2e run lints as of (the expected findings of examples/ are for this day). */
export const E2E_TODAY = '2026-11-26';
export const examplesDir = path.join(repoRoot, 'examples');

/** Copies examples/ into a new folder under `parent` and writes the workspace settings; returns the folder. */
export function prepareWorkspace(parent = tmpRoot): string {
  fs.mkdirSync(parent, { recursive: true });
  const dir = path.join(fs.mkdtempSync(path.join(parent, 'workspace-')), 'county');
  fs.cpSync(examplesDir, dir, { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.vscode/settings.json'),
    JSON.stringify({ 'govspec.today': E2E_TODAY, 'files.autoSave': 'off', 'editor.formatOnSave': false }, null, 2) + '\n',
  );
  return dir;
}

/** Removes a folder made by prepareWorkspace (its parent too). */
export function removeWorkspace(dir: string): void {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

if (require.main === module) {
  console.log(prepareWorkspace(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
