/** Helpers over plain document data, shared by the schema layer, the index and the rules. */

/** docs/semantics.md: `null`, `""` and white space only count as missing. */
export function isBlank(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

/** The value at a data path, or undefined when any step is missing or blank. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const step of path) {
    if (node == null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, step)) return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return isBlank(node) ? undefined : node;
}

/** Sets an own property, even one named `__proto__`: plain assignment would replace the object's prototype instead. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only that key needs the slow path; an assignment keeps the object's fast shape for every other one.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}

/** NFKC with all white space removed: how names are compared across documents. */
export function comparableName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}
