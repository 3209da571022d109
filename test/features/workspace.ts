import { WorkspaceIndex } from '../../server/src/engine/workspace';
import { ParseCache, indexText } from '../../server/src/engine/workspace-lint';
import { bundledRegions } from '../../server/src/engine/ids/regions';
import type { FeatureWorkspace, OpenFile } from '../../server/src/engine/features';
import type { Locale, Position } from '../../server/src/engine/types';

/** A feature workspace over in-memory texts; `|` in a text marks the cursor and is removed. */
export class TestWorkspace implements FeatureWorkspace {
  readonly index = new WorkspaceIndex();
  readonly regions = bundledRegions();
  private readonly texts = new Map<string, string>();
  private readonly cache = new ParseCache((file) => this.texts.get(file));

  constructor(files: Record<string, string>, readonly locale: Locale = 'zh-CN') {
    for (const [file, text] of Object.entries(files)) this.set(file, text);
  }

  set(file: string, text: string): void {
    this.texts.set(file, text);
    indexText(this.index, file, text, this.cache);
  }

  parsed(file: string) { return this.cache.get(file); }

  /** Opens a file whose text holds one `|` cursor mark: the text without it, and the cursor's position. */
  openAt(file: string, marked: string): { open: OpenFile; position: Position } {
    const offset = marked.indexOf('|');
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    this.set(file, text);
    const parsed = this.cache.get(file)!;
    return { open: { file, parsed }, position: parsed.lines.positionAt(offset) };
  }
}
