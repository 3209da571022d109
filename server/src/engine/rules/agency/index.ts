import type { Rule } from '../api';
import { rule as nameMismatch } from './name-mismatch';
import { rule as unknown } from './unknown';
import { rule as duplicate } from './duplicate';

/** The agency/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const AGENCY_RULES: readonly Rule[] = [nameMismatch, unknown, duplicate];
