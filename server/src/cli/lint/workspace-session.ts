import type { ResolvedConfig } from '../../engine';
import type { FileLint } from '../../engine';
import { lintFile, looksLikeGovSpec } from '../../engine';
import { ParseCache, indexText } from '../../engine';
import { WorkspaceIndex } from '../../engine';
import type { NodeRef } from '../../engine';
import type { Anchor, Range } from '../../engine';

/**
 * One workspace held in memory: its texts, one parse of each, and the cross-file index. The engine's `lintTexts`
 * does the same in one call; the CLI keeps the parts because it lints file by file (progress) and, with `--fix`,
 * replaces a few texts and re-lints only what they affect, without parsing the workspace again.
 */
export class WorkspaceSession {
  private readonly texts = new Map<string, string>();
  private readonly cache = new ParseCache((file) => this.texts.get(file));
  private readonly index = new WorkspaceIndex();

  constructor(private readonly today: string, private readonly configFor: (file: string) => ResolvedConfig) {}

  add(file: string, text: string): void {
    this.texts.set(file, text);
    indexText(this.index, file, text, this.cache, this.configFor(file));
  }

  /** The workspace's index and the ranges of its parses, for a host that renders what was linted (the report). */
  get workspaceIndex(): WorkspaceIndex { return this.index; }
  readonly related = (at: NodeRef, anchor: Anchor): Range | undefined => this.cache.resolve(at, anchor);

  textOf(file: string): string | undefined {
    return this.texts.get(file);
  }

  lint(file: string): FileLint {
    const text = this.texts.get(file)!;
    const govspec = looksLikeGovSpec(file, text);
    return lintFile({
      file, text, config: this.configFor(file), today: this.today,
      index: this.index, related: this.cache.resolve, source: govspec ? this.cache.source(file) : undefined,
    });
  }

  /** Replaces a file's text; returns the other files whose findings may change with it. */
  replace(file: string, text: string): Set<string> {
    const previous = this.index.factsOf(file);
    this.add(file, text);
    return this.index.dependentsOf(file, previous);
  }
}
