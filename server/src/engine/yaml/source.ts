import { readFast } from './fast';
import { parseYaml } from './parse';
import type { ParsedFile, YamlProblem } from './parse';

/** A document as the engine reads it: plain data and the YAML problems found in it (semantics.md §2, §3). */
export interface PlainDocument {
  index: number;
  /** Undefined when the document is unusable (only the precise parse reports that). */
  value: unknown;
  problems: readonly YamlProblem[];
  /** The document's own syntax tree; present when the precise parser read it. */
  ast?: { range: readonly number[] };
}

/**
 * One file's text and documents. The fast reader gives the data when it can; the precise parse — the only source of
 * ranges, comments and YAML problems — is made on first need, so a file with no findings never pays for it.
 */
export class YamlSource {
  readonly documents: readonly PlainDocument[];
  private precise: ParsedFile | undefined;

  /** `parsed`: a precise parse of exactly this text made earlier (the editor's cache); it is used as it is. */
  constructor(readonly text: string, parsed?: ParsedFile) {
    const fast = parsed ? undefined : readFast(text);
    this.precise = fast ? undefined : parsed ?? parseYaml(text);
    this.documents = fast ? fast.map((d) => ({ ...d, problems: [] })) : this.precise!.documents;
  }

  /** A source read by the precise parser only, as the editor reads open documents. */
  static precise(text: string): YamlSource {
    return new YamlSource(text, parseYaml(text));
  }

  get parsed(): ParsedFile {
    return (this.precise ??= parseYaml(this.text));
  }

  /** Whether the text can hold suppression comments; only then are comments read (semantics.md §8). */
  get mayHaveDirectives(): boolean {
    return this.text.includes('govspec-disable');
  }
}
