import type { Rule } from './api';
import type { RuleMeta } from '../types';
import { YAML_RULES } from './yaml';
import { SCHEMA_RULES } from './schema';
import { ID_RULES } from './id';
import { SERVICE_RULES } from './service';
import { CATALOG_RULES } from './catalog';
import { AGREEMENT_RULES } from './agreement';
import { AGENCY_RULES } from './agency';
import { META_RULES } from './meta';

/** Every rule, identifier rules first: their findings decide what the semantic rules skip (docs/semantics.md). */
export const ALL_RULES: readonly Rule[] = [
  ...YAML_RULES, ...SCHEMA_RULES, ...ID_RULES, ...SERVICE_RULES, ...CATALOG_RULES, ...AGREEMENT_RULES, ...AGENCY_RULES, ...META_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export const RULE_METAS: ReadonlyMap<string, RuleMeta> = new Map(ALL_RULES.map((r) => [r.meta.id, r.meta]));
