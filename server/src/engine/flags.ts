import type { JsonPath } from './types';
import { pathKey } from './values';

const SEPARATOR = '\u0000';

/** One step of the trie: whether a finding flagged exactly this node, and the steps below it that lead to a flag. */
interface FlagNode {
  flagged: boolean;
  children: Map<string, FlagNode> | undefined;
}

/**
 * The nodes of one document that carry a yaml/schema/id finding (docs/semantics.md), as a trie of path steps: asking
 * whether a path is flagged — it, something inside it, or a collection holding it — walks the path once, whatever
 * the number of flags (a legacy catalogue of a million resources, each missing eight fields, has eight million).
 * Keys are the `pathKey` strings phase 1 hands to phase 2 and the cache keeps; steps are those keys split where
 * `pathKey` joined them, so a path matches exactly the keys it matched as a string prefix.
 */
export class FlagSet {
  private readonly root: FlagNode = { flagged: false, children: undefined };
  private readonly keys = new Set<string>();

  constructor(keys: Iterable<string> = []) {
    for (const key of keys) this.addKey(key);
  }

  get size(): number { return this.keys.size; }

  add(path: JsonPath): void { this.addKey(pathKey(path)); }

  /** The flagged keys in the order they were first flagged. */
  toKeys(): string[] { return [...this.keys]; }

  has(path: JsonPath): boolean {
    const reached = this.walk(path);
    // Every node of the trie leads to a flag, so reaching the path's own node means something inside it is flagged.
    return reached === 'flagged' || (reached !== undefined && reached.children !== undefined);
  }

  /** Whether the path itself or a collection holding it is flagged (`has` without "something inside it"). */
  covers(path: JsonPath): boolean {
    return this.walk(path) === 'flagged';
  }

  /** The path's steps walked down the trie: a flag on the way (or at the end), its own node, or nothing there. */
  private walk(path: JsonPath): 'flagged' | FlagNode | undefined {
    if (this.keys.size === 0) return undefined;
    let node = this.root;
    for (const step of stepsOf(path)) {
      const next = node.children?.get(String(step));
      if (!next) return undefined;
      if (next.flagged) return 'flagged';
      node = next;
    }
    return node;
  }

  private addKey(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    let node = this.root;
    for (const step of key.split(SEPARATOR)) {
      node.children ??= new Map();
      let next = node.children.get(step);
      if (!next) node.children.set(step, (next = { flagged: false, children: undefined }));
      node = next;
    }
    node.flagged = true;
  }
}

/**
 * A path's steps as the trie holds them: its keys split at the separator. A step holding the separator (an author's
 * key can hold anything) splits there too; otherwise the steps are the path's own, with no key joined and split again.
 */
function stepsOf(path: JsonPath): JsonPath {
  for (const step of path) if (typeof step === 'string' && step.includes(SEPARATOR)) return pathKey(path).split(SEPARATOR);
  return path.length === 0 ? [''] : path;
}
