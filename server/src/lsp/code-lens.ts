import type { CodeLens, Command, Connection } from 'vscode-languageserver';
import type { CodeLensEntry, LensTarget, ResolvedLens } from '../engine';
import { Debouncer } from './debounce';
import { SHOW_REFERENCES_COMMAND } from './protocol';

/** What a lens carries from `textDocument/codeLens` to `codeLens/resolve`: its document and what it counts. */
export interface LensData extends LensTarget { uri: string }

export function isLensData(data: unknown): data is LensData {
  const d = data as Partial<LensData> | null | undefined;
  return typeof d?.uri === 'string' && typeof d.target === 'string' && (d.kind === 'resource' || d.kind === 'agreement' || d.kind === 'agency');
}

export function toCodeLens(entry: CodeLensEntry, uri: string): CodeLens {
  return { range: entry.range, data: { uri, ...entry.target } satisfies LensData };
}

export function resolvedCodeLens(lens: CodeLens, data: LensData, resolved: ResolvedLens, uriOf: (file: string) => string): CodeLens {
  const command: Command = {
    title: resolved.title,
    command: SHOW_REFERENCES_COMMAND,
    arguments: [data.uri, lens.range.start, resolved.locations.map((l) => ({ uri: uriOf(l.file), range: l.range }))],
  };
  return { ...lens, command };
}

/** Asks the client to ask for lenses again (`workspace/codeLens/refresh`) once the index has stopped changing. */
export class CodeLensRefresh {
  private readonly debouncer = new Debouncer(() => void this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined));

  constructor(private readonly connection: Connection, private readonly delayMs: number) {}

  /** Only for a client that declares `workspace.codeLens.refreshSupport`. */
  supported = false;

  schedule(): void {
    if (this.supported) this.debouncer.schedule('lenses', this.delayMs);
  }

  dispose(): void { this.debouncer.dispose(); }
}
