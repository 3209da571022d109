import type { Rule } from '../api';
import { rule as uscc } from './uscc';
import { rule as usccOrgCode } from './uscc-org-code';
import { rule as region } from './region';
import { rule as usccRegion } from './uscc-region';
import { rule as codePattern } from './code-pattern';

/**
 * The id/* rules, in the order their docs list them. Each lives in its own folder beside this file. The order
 * matters: a USCC flagged by id/uscc is skipped by id/uscc-org-code and id/uscc-region, a region flagged by id/region
 * by id/uscc-region.
 */
export const ID_RULES: readonly Rule[] = [uscc, usccOrgCode, region, usccRegion, codePattern];
