import type { JsonPath, Kind } from '../types';
import type { ReferenceKind } from '../workspace';
import { schemaAt } from '../schema/schemas';

/**
 * What a value position holds when it is more than its schema says: a region code, or an identity defined elsewhere
 * in the workspace. The same positions the index records as references (workspace/extract.ts).
 */
export type Slot =
  | { kind: 'region' }
  /** A field of an agency reference `{ name, uscc }`; `object` is the reference's path. */
  | { kind: 'agency'; field: 'name' | 'uscc'; object: JsonPath }
  /** A bare USCC naming an agency (Agency.parent). */
  | { kind: 'agency-uscc' }
  | { kind: 'resource' }
  /** An item name of the resource whose code sits at `resource`. */
  | { kind: 'item'; resource: JsonPath }
  | { kind: 'agreement' }
  | { kind: 'service' };

type Pattern = readonly (string | '#')[];

const SLOTS: Partial<Record<Kind, [Pattern, (path: JsonPath) => Slot][]>> = {
  Service: [
    [['region'], () => ({ kind: 'region' })],
    [['materials', '#', 'sharing', 'agreement'], () => ({ kind: 'agreement' })],
    [['materials', '#', 'sharing', 'resource'], () => ({ kind: 'resource' })],
    [['materials', '#', 'sharing', 'items', '#'], (p) => ({ kind: 'item', resource: [...p.slice(0, 3), 'resource'] })],
  ],
  Agency: [
    [['region'], () => ({ kind: 'region' })],
    [['parent'], () => ({ kind: 'agency-uscc' })],
  ],
  SharingAgreement: [
    [['resources', '#', 'code'], () => ({ kind: 'resource' })],
    [['resources', '#', 'items', '#'], (p) => ({ kind: 'item', resource: [...p.slice(0, 2), 'code'] })],
    [['services', '#'], () => ({ kind: 'service' })],
  ],
  Catalog: [
    [['resources', '#', 'related', '#'], () => ({ kind: 'resource' })],
  ],
};

function matches(path: JsonPath, pattern: Pattern): boolean {
  return path.length === pattern.length && pattern.every((step, i) => (step === '#' ? typeof path[i] === 'number' : step === path[i]));
}

export function slotAt(kind: Kind, path: JsonPath): Slot | undefined {
  for (const [pattern, make] of SLOTS[kind] ?? []) if (matches(path, pattern)) return make(path);
  const last = path[path.length - 1];
  if ((last === 'name' || last === 'uscc') && isAgencyReference(kind, path.slice(0, -1))) return { kind: 'agency', field: last, object: path.slice(0, -1) };
  return undefined;
}

/** Agency references are the objects whose schema holds both `name` and `uscc` (format.md "Agency reference"). */
export function isAgencyReference(kind: Kind, path: JsonPath): boolean {
  if (kind === 'Agency' || path.length === 0) return false;
  const props = schemaAt(kind, path)?.properties;
  return !!props && 'name' in props && 'uscc' in props;
}

/** The reference kind the index records for a slot. */
export function referenceKindOf(slot: Slot): ReferenceKind | undefined {
  switch (slot.kind) {
    case 'agency': return slot.field === 'uscc' ? 'agency' : undefined;
    case 'agency-uscc': return 'agency';
    case 'region': return undefined;
    default: return slot.kind;
  }
}
