import type { Rule } from '../api';

/** The meta/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const META_RULES: readonly Rule[] = [];
