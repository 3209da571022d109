import type { Rule } from '../api';

/** The agreement/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const AGREEMENT_RULES: readonly Rule[] = [];
