import type { Rule } from '../api';
import { rule as unusedSuppression } from './unused-suppression';
import { rule as unknownRule } from './unknown-rule';
import { rule as suppressionReason } from './suppression-reason';
import { rule as config } from './config';
import { rule as internalError } from './internal-error';
import { rule as calendarRange } from './calendar-range';

/** The meta/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const META_RULES: readonly Rule[] = [unusedSuppression, unknownRule, suppressionReason, config, internalError, calendarRange];
