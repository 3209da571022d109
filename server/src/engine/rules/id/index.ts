import type { Rule } from '../api';

/** The id/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const ID_RULES: readonly Rule[] = [];
