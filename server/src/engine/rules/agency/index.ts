import type { Rule } from '../api';

/** The agency/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const AGENCY_RULES: readonly Rule[] = [];
