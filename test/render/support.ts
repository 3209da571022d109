/** A fixture workspace loaded the way the CLI loads one: config, ignore globs, index, findings, parses. */
import * as fs from 'fs';
import * as path from 'path';
import { NODE_FILE_SYSTEM } from '../../server/src/host/file-system';
import { Workspaces } from '../../server/src/host/workspaces';
import { lintFile, looksLikeGovSpec } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { WorkspaceIndex } from '../../server/src/engine/workspace';
import { ParseCache, indexText } from '../../server/src/engine/workspace-lint';

export const EXAMPLES = path.resolve(__dirname, '../../examples');
/** A day after GA-SC-2024-002's validTo (2025-12-31), so the expired agreement is reported. */
export const TODAY = '2026-06-01';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/render');

export interface LoadedWorkspace { index: WorkspaceIndex; cache: ParseCache; findings: Finding[]; texts: Map<string, string> }

/** Files keyed by their path relative to `root`, with `/` separators. */
export function loadWorkspace(root: string, today = TODAY): LoadedWorkspace {
  const workspaces = new Workspaces(NODE_FILE_SYSTEM, { gitignore: true });
  const config = workspaces.configs.of(root, true).config!;
  const texts = new Map<string, string>();
  for (const absolute of workspaces.filesUnder(root, root).files) {
    texts.set(path.relative(root, absolute).split(path.sep).join('/'), fs.readFileSync(absolute, 'utf8'));
  }
  const cache = new ParseCache((file) => texts.get(file));
  const index = new WorkspaceIndex();
  for (const [file, text] of texts) indexText(index, file, text, cache);
  const findings = [...texts].flatMap(([file, text]) => lintFile({
    file, text, config, today, index, related: cache.resolve, parsed: looksLikeGovSpec(file, text) ? cache.get(file) : undefined,
  }).findings);
  return { index, cache, findings, texts };
}

export function writeArtifact(name: string, content: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, content);
  return file;
}
