import type { Rule } from '../api';
import { rule as syntax } from './syntax';
import { rule as duplicateKey } from './duplicate-key';
import { rule as unsafe } from './unsafe';

/** The yaml/* rules, in the order their docs list them. The engine raises their findings itself (engine-rule.ts). */
export const YAML_RULES: readonly Rule[] = [syntax, duplicateKey, unsafe];
