import type { Rule } from '../api';
import { rule as unknownKind } from './unknown-kind';
import { rule as required } from './required';
import { rule as unknownField } from './unknown-field';
import { rule as type } from './type';
import { rule as enumeration } from './enum';
import { rule as format } from './format';

/** The schema/* rules, in the order their docs list them. The engine raises their findings itself (engine-rule.ts). */
export const SCHEMA_RULES: readonly Rule[] = [unknownKind, required, unknownField, type, enumeration, format];
