import type { Rule } from '../api';
import { rule as noneNeedsBasis } from './none-needs-basis';
import { rule as conditionalNeedsCondition } from './conditional-needs-condition';
import { rule as baseUnconditional } from './base-unconditional';
import { rule as codeClassification } from './code-classification';
import { rule as formatMode } from './format-mode';
import { rule as itemLength } from './item-length';
import { rule as classified } from './classified';
import { rule as sensitiveExposure } from './sensitive-exposure';
import { rule as highGradeOpen } from './high-grade-open';
import { rule as duplicateCode } from './duplicate-code';
import { rule as relatedExists } from './related-exists';

/** The catalog/* rules, in the order their docs list them. Each lives in its own folder beside this file. */
export const CATALOG_RULES: readonly Rule[] = [
  noneNeedsBasis, conditionalNeedsCondition, baseUnconditional, codeClassification, formatMode, itemLength,
  classified, sensitiveExposure, highGradeOpen, duplicateCode, relatedExists,
];
