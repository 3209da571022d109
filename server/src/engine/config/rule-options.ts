import type { Message, RuleMeta, RuleOption, RuleOptionValue } from '../types';
import { RULE_METAS } from '../rules/registry';
import { didYouMean } from '../text/did-you-mean';
import { bilingual } from '../l10n/message';

/** A key of a rule's setting that cannot be used: an unknown option, or a value its declaration refuses. */
export interface OptionProblem { key: string; message: Message }

/** A rule's options at their declared defaults. */
export function optionDefaults(meta: Pick<RuleMeta, 'options'>): Record<string, RuleOptionValue> {
  return Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, spec]) => [name, spec.default]));
}

/**
 * docs/semantics.md: the keys of a rule's `{ severity, … }` setting checked against the options the rule declares.
 * An unknown key (with a did-you-mean among the rule's own) or a value of another type or out of range is a problem
 * at that key; `severity` and `x-` keys are not options.
 */
export function optionProblems(id: string, setting: unknown, declared: Readonly<Record<string, RuleOption>> = RULE_METAS.get(id)?.options ?? {}): OptionProblem[] {
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) return [];
  const names = Object.keys(declared);
  return Object.entries(setting).flatMap(([key, value]): OptionProblem[] => {
    if (key === 'severity' || key.startsWith('x-')) return [];
    const spec = Object.prototype.hasOwnProperty.call(declared, key) ? declared[key] : undefined;
    if (!spec) {
      const guess = didYouMean(key, names);
      const known = names.length > 0 ? names.join(', ') : undefined;
      return [{
        key,
        message: bilingual(
          `规则 ${id} 没有选项 ${key}${guess ? `；是否指 ${guess}？` : known ? `（可用：${known}）` : '（该规则没有选项）'}`,
          `Rule ${id} has no option ${key}${guess ? `; did you mean ${guess}?` : known ? ` (its options: ${known})` : ' (the rule takes no options)'}`,
        ),
      }];
    }
    if (accepts(spec, value)) return [];
    const expected = expectedOf(spec);
    const given = givenOf(value);
    const fallback = JSON.stringify(spec.default);
    return [{
      key,
      message: bilingual(
        `规则 ${id} 的选项 ${key} 须为${expected['zh-CN']}，而不是${given['zh-CN']}；该规则按默认值 ${fallback} 运行`,
        `Option ${key} of rule ${id} takes ${expected.en}, not ${given.en}; the rule runs with its default, ${fallback}`,
      ),
    }];
  });
}

/** Whether a config value is one the declaration allows. */
function accepts(spec: RuleOption, value: unknown): boolean {
  switch (spec.type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.type === 'number' || Number.isInteger(value))
        && (spec.minimum === undefined || value >= spec.minimum) && (spec.maximum === undefined || value <= spec.maximum);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (spec.enum === undefined || spec.enum.includes(value));
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** What the option takes, in words: the type, and its range or choices. */
export function expectedOf(spec: RuleOption): Message {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const [zh, en] = spec.type === 'integer' ? ['整数', 'a whole number'] : ['数值', 'a number'];
      const { minimum: min, maximum: max } = spec;
      if (min !== undefined && max !== undefined) return bilingual(`${min} 到 ${max} 之间的${zh}`, `${en} from ${min} to ${max}`);
      if (min !== undefined) return bilingual(`不小于 ${min} 的${zh}`, `${en} of ${min} or more`);
      if (max !== undefined) return bilingual(`不大于 ${max} 的${zh}`, `${en} of ${max} or less`);
      return bilingual(zh, en);
    }
    case 'boolean':
      return bilingual('true 或 false', 'true or false');
    case 'string':
      return spec.enum ? bilingual(`${spec.enum.join('、')} 之一`, `one of ${spec.enum.join(', ')}`) : bilingual('字符串', 'a string');
    case 'string-list':
      return bilingual('字符串列表', 'a list of strings');
  }
}

/** The value written, in words, with the value itself where it is short. */
function givenOf(value: unknown): Message {
  if (value === null) return bilingual('空值', 'null');
  if (Array.isArray(value)) return bilingual('列表', 'a list');
  if (typeof value === 'object') return bilingual('映射', 'a mapping');
  if (typeof value === 'string') return bilingual(`字符串 ${JSON.stringify(value)}`, `the string ${JSON.stringify(value)}`);
  return bilingual(String(value), String(value));
}

/** An option's type for the generated option tables: `integer ≥ 1`, `integer 1–365`, `one of a, b`, … */
export function optionTypeLabel(spec: RuleOption): string {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const { minimum: min, maximum: max } = spec;
      const range = min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : '';
      return `${spec.type}${range}`;
    }
    case 'string':
      return spec.enum ? `string: ${spec.enum.join(' \\| ')}` : 'string';
    case 'string-list':
      return 'list of strings';
    default:
      return spec.type;
  }
}
