/** Plain data read and written along a path of keys: the one walk assemble, export and the YAML writer share. */

export type Entity = Record<string, unknown>;

/** The value at `keys`, undefined where the path leaves the objects (a list or a scalar on the way). */
export function getIn(entity: unknown, keys: readonly string[]): unknown {
  let at: unknown = entity;
  for (const k of keys) at = at !== null && typeof at === 'object' && !Array.isArray(at) ? (at as Entity)[k] : undefined;
  return at;
}

/** Sets the value at `keys`, making the objects on the way (replacing anything there that is not one). */
export function setIn(entity: Entity, keys: readonly string[], value: unknown): void {
  let at = entity;
  for (const k of keys.slice(0, -1)) {
    if (at[k] === null || typeof at[k] !== 'object' || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Entity;
  }
  at[keys[keys.length - 1]] = value;
}
