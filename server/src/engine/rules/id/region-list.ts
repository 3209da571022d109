import type { ResolvedConfig } from '../../config/types';
import { bundledRegions, withAdditions } from '../../ids/regions';
import type { RegionList } from '../../ids/regions';

const byAdditions = new WeakMap<readonly string[], RegionList>();

/** The bundled GB/T 2260 list plus the config's `regions.add`, made once per config. */
export function regionsFor(config: ResolvedConfig): RegionList {
  let list = byAdditions.get(config.regionsAdd);
  if (!list) byAdditions.set(config.regionsAdd, (list = withAdditions(bundledRegions(), config.regionsAdd)));
  return list;
}
