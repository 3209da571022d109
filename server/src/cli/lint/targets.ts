import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { IgnoreReason } from '../../host/ignore-rules';
import type { OnIgnored, Workspaces } from '../../host/workspaces';
import { displayPath } from '../files/paths';
import type { Source } from '../files/read-source';

/** A reported file: on disk (`absolute`) and/or from standard input (`stdin`), in the workspace at `root`. */
export interface Target { file: string; absolute: string | undefined; root: string; stdin?: Source }

/** A file named on the command line that an ignore rule matches: skipped, with a warning line (docs/semantics.md). */
export interface IgnoredName { path: string; reason: IgnoreReason }

export interface Selection {
  targets: Target[];
  /** Paths given on the command line that do not exist (nor match anything, for a glob), as written. */
  missing: string[];
  ignoredNames: IgnoredName[];
}

export const STDIN_NAME = '<stdin>';

/**
 * The reported files of a run and the workspace of each (docs/semantics.md): a file named is in the workspace of its
 * folder; the files under a folder or glob share the workspace of that folder, except those in nested workspaces
 * (a folder below marked by `root: true` or `.git`), which are their own; standard input is in the workspace of
 * `--stdin-filename`, else of the working directory.
 */
export function selectTargets(cwd: string, paths: readonly string[], stdin: { source: Source; filename: string | undefined } | undefined, workspaces: Workspaces, onIgnored?: OnIgnored): Selection {
  const selection: Selection = { targets: [], missing: [], ignoredNames: [] };
  if (stdin) {
    const absolute = stdin.filename === undefined ? undefined : resolve(cwd, stdin.filename);
    const root = absolute ? workspaces.rootOf(absolute, false) : workspaces.rootOf(cwd, true);
    const reason = absolute && workspaces.ignoredBy(absolute, false, root);
    if (reason) selection.ignoredNames.push({ path: stdin.filename!, reason });
    else selection.targets.push({ file: absolute ? displayPath(cwd, absolute) : STDIN_NAME, absolute, root, stdin: stdin.source });
    return selection;
  }
  const seen = new Set<string>();
  const add = (absolute: string, root: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    selection.targets.push({ file: displayPath(cwd, absolute), absolute, root });
  };
  const addFolder = (folder: string, accept: (file: string) => boolean) => {
    const walkWorkspace = (start: string, root: string) => {
      const { files, nestedRoots } = workspaces.filesUnder(start, root, onIgnored);
      for (const file of files) if (accept(file)) add(file, root);
      for (const nested of nestedRoots) walkWorkspace(nested, nested);
    };
    walkWorkspace(folder, workspaces.rootOf(folder, true));
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = pathKind(absolute);
    if (kind === 'file') {
      const root = workspaces.rootOf(absolute, false);
      const reason = workspaces.ignoredBy(absolute, false, root);
      if (reason) selection.ignoredNames.push({ path, reason });
      else add(absolute, root);
    } else if (kind === 'folder') {
      addFolder(absolute, () => true);
    } else {
      const glob = globOf(cwd, path);
      if (!glob) selection.missing.push(path);
      else addFolder(glob.base, glob.matches);
    }
  }
  return selection;
}

/** A command-line path that is a glob (`specs/**\/*.service.yaml`): the folder to walk and the test of each file. */
function globOf(cwd: string, path: string): { base: string; matches: (file: string) => boolean } | undefined {
  const scan = picomatch.scan(path);
  if (!scan.isGlob) return undefined;
  const base = resolve(cwd, scan.base === '' ? '.' : scan.base);
  if (pathKind(base) !== 'folder') return undefined;
  const match = picomatch(resolve(cwd, path).split('\\').join('/'), { dot: true, windows: false });
  return { base, matches: (file) => match(file.split('\\').join('/')) };
}

function pathKind(absolute: string): 'file' | 'folder' | 'missing' {
  try {
    return statSync(absolute).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/** Targets sharing a workspace root, in order of first appearance. */
export function groupByWorkspace(targets: readonly Target[]): Target[][] {
  const groups = new Map<string, Target[]>();
  for (const t of targets) {
    const group = groups.get(t.root);
    if (group) group.push(t); else groups.set(t.root, [t]);
  }
  return [...groups.values()];
}

/** Every file of a workspace that is indexed: those its walk finds (nested workspaces excepted). */
export function indexedFiles(root: string, workspaces: Workspaces): string[] {
  return workspaces.filesUnder(root, root).files;
}
