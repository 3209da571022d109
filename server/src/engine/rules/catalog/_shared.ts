import type { JsonPath } from '../../types';
import type { RuleContext } from '../api';
import { readableValue } from '../readable';

/** The path of every entry of the catalogue's `resources`; each rule reads the fields below it. */
export function resourcePaths(ctx: RuleContext): JsonPath[] {
  const list = ctx.get(['resources']);
  return Array.isArray(list) ? list.map((_, i) => ['resources', i]) : [];
}

/** The path of every entry of a resource's `items`. */
export function itemPaths(ctx: RuleContext, resource: JsonPath): JsonPath[] {
  const list = ctx.get([...resource, 'items']);
  return Array.isArray(list) ? list.map((_, j) => [...resource, 'items', j]) : [];
}

/** The resource's items marked `personal: sensitive` (a value the schema reports is not read). */
export function sensitiveItemPaths(ctx: RuleContext, resource: JsonPath): JsonPath[] {
  return itemPaths(ctx, resource).filter((item) => readableValue(ctx, [...item, 'personal']) === 'sensitive');
}

/** How messages name a resource: by its code, or by its place in the list when the code is missing. */
export function resourceLabel(ctx: RuleContext, resource: JsonPath): string {
  const code = ctx.get([...resource, 'code']);
  return typeof code === 'string' ? code : `resources[${String(resource[resource.length - 1])}]`;
}

/**
 * Resources whose `share.type` is `type` but whose `share.<field>` is missing: the share types that must give a
 * reason (`none` its basis, `conditional` its condition). A malformed reason is the schema's finding, not a missing one.
 */
export function resourcesLackingShareField(ctx: RuleContext, type: string, field: string): JsonPath[] {
  return resourcePaths(ctx).filter((res) =>
    readableValue(ctx, [...res, 'share', 'type']) === type && ctx.get([...res, 'share', field]) === undefined);
}
