import type { Rule } from '../api';

/** The service/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const SERVICE_RULES: readonly Rule[] = [];
