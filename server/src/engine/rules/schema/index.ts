import type { Rule } from '../api';

/** The schema/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const SCHEMA_RULES: readonly Rule[] = [];
