import type { Rule } from '../api';

/** The yaml/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const YAML_RULES: readonly Rule[] = [];
