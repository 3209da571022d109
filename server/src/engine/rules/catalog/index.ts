import type { Rule } from '../api';

/** The catalog/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const CATALOG_RULES: readonly Rule[] = [];
