/**
 * The bilingual texts of the schema findings. Each says what is wrong, naming the field by its data path
 * (`materials[2].sharing.agreement`) and its title, and what to write instead.
 */
import type { JsonPath, Message } from '../types';
import type { SchemaNode, SchemaText } from './schemas';
import { sameNumberCode } from './suggest';
import { bilingual } from '../l10n/message';

/** `materials[2].sharing.agreement`; the empty path is the document itself. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

/** `fee.basis（收费依据）` / `fee.basis (Fee basis)`, or just the path when the schema has no title. */
function named(path: JsonPath, title: SchemaText | undefined): Message {
  const p = formatPath(path);
  return title ? bilingual(`${p}（${title['zh-CN']}）`, `${p} (${title.en})`) : bilingual(p, p);
}

function titleOf(schema: SchemaNode | undefined): SchemaText | undefined {
  return schema?.['x-i18n']?.title;
}

/** A value as it appears in a message: strings quoted, long text cut. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const cut = [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

const TYPE_NAMES: Record<string, SchemaText> = {
  string: bilingual('字符串', 'a string'),
  number: bilingual('数字', 'a number'),
  integer: bilingual('整数', 'an integer'),
  boolean: bilingual('布尔值（true 或 false）', 'a boolean (true or false)'),
  object: bilingual('映射（键: 值）', 'a mapping (key: value)'),
  array: bilingual('列表', 'a list'),
  null: bilingual('空值', 'empty'),
};

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeList(types: readonly string[], lang: keyof SchemaText): string {
  return types.map((t) => TYPE_NAMES[t]?.[lang] ?? t).join(bilingual('或', ' or ')[lang]);
}

/**
 * `subFields`: for a missing object, the schemas of the fields it must hold, by name, so the author learns what to
 * write (`application` → `application.date`; issue 17 point 13).
 */
export function requiredMessage(path: JsonPath, schema: SchemaNode | undefined, subFields: readonly [string, SchemaNode | undefined][] = []): Message {
  const n = named(path, titleOf(schema));
  if (subFields.length > 0) {
    const list = (lang: keyof SchemaText, sep: string) => subFields.map(([f, s]) => named([...path, f], titleOf(s))[lang]).join(sep);
    return bilingual(
      `缺少必填字段 ${n['zh-CN']}：请添加该字段，并填写 ${list('zh-CN', '、')}。`,
      `Required field ${n.en} is missing: add it with ${list('en', ', ')}.`,
    );
  }
  return bilingual(
    `缺少必填字段 ${n['zh-CN']}：请添加该字段并填写内容。`,
    `Required field ${n.en} is missing: add it with a value.`,
  );
}

export function minItemsMessage(path: JsonPath, schema: SchemaNode | undefined, limit: number): Message {
  const n = named(path, titleOf(schema));
  return bilingual(
    `${n['zh-CN']} 至少需要 ${limit} 项：请添加。`,
    `${n.en} needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}: add ${limit === 1 ? 'one' : 'them'}.`,
  );
}

/**
 * `container` is the schema of the object that holds the field (its title says where the field is unknown);
 * `suggested` the known key meant, if any.
 */
export function unknownFieldMessage(path: JsonPath, container: SchemaNode | undefined, suggested: { key: string; title: SchemaText | undefined } | undefined): Message {
  const p = formatPath(path);
  const where = titleOf(container);
  const whereZh = where ? `“${where['zh-CN']}”中` : '此处';
  const whereEn = where ? `${where.en} has` : 'there is';
  if (suggested !== undefined) {
    const meant = named([suggested.key], suggested.title);
    return bilingual(
      `未知字段 ${p}：${whereZh}没有该字段。是否应为 ${meant['zh-CN']}？`,
      `Unknown field ${p}: ${whereEn} no such field. Did you mean ${meant.en}?`,
    );
  }
  return bilingual(
    `未知字段 ${p}：${whereZh}没有该字段。请删除它；自定义的扩展字段请以 x- 开头。`,
    `Unknown field ${p}: ${whereEn} no such field. Remove it, or start its name with x- to mark an extension.`,
  );
}

/** `codes`: the schema node that lists the field's code list (its `enum`), when it has one. */
export function typeMessage(path: JsonPath, schema: SchemaNode | undefined, expected: readonly string[], value: unknown, codes?: SchemaNode): Message {
  const n = named(path, titleOf(schema));
  const want = bilingual(typeList(expected, 'zh-CN'), typeList(expected, 'en'));
  if (value === null) {
    return bilingual(
      `${n['zh-CN']} 是空的列表项：请填写${want['zh-CN']}，或删除这一项。`,
      `${n.en} is an empty list entry: write ${want.en}, or remove the entry.`,
    );
  }
  if (expected.includes('string') && typeof value === 'number') {
    // docs/semantics.md: codes are strings; YAML reads `01` unquoted as the number 1.
    const listed = (codes?.enum ?? schema?.enum ?? []).map(String);
    const same = sameNumberCode(String(value), listed);
    if (same === undefined && listed.length > 0) return codeListTypeMessage(n, codes ?? schema!, value);
    const example = `"${same ?? String(value)}"`;
    return bilingual(
      `${n['zh-CN']} 应为字符串，但未加引号的 ${shown(value)} 被读作数字：代码须加引号，按原样书写，如 ${example}。`,
      `${n.en} must be a string, but the unquoted ${shown(value)} reads as a number: quote the code as written, e.g. ${example}.`,
    );
  }
  if (codes?.enum && typeof value !== 'object') return codeListTypeMessage(n, codes, value);
  const actual = typeOfValue(value);
  return bilingual(
    `${n['zh-CN']} 应为${want['zh-CN']}，实际是${TYPE_NAMES[actual]?.['zh-CN'] ?? actual}：请改写为${want['zh-CN']}。`,
    `${n.en} must be ${want.en}, not ${TYPE_NAMES[actual]?.en ?? actual}: rewrite it as ${want.en}.`,
  );
}

/** How many allowed values a message lists before it stops. */
const LISTED = 12;

/** The codes of a list with their labels, `population（人口）· legal-entity（法人）· …`, in one language. */
function codeList(codes: SchemaNode, lang: keyof SchemaText): string {
  const labels = codes['x-enum'] ?? {};
  const allowed = (codes.enum ?? []).map(String);
  const items = allowed.slice(0, LISTED).map((a) => (labels[a] ? bilingual(`${a}（${labels[a]['zh-CN']}）`, `${a} (${labels[a].en})`)[lang] : a));
  return [...items, ...(allowed.length > LISTED ? ['…'] : [])].join(' · ');
}

/**
 * A value of the wrong type where a code of a list belongs (`base: true`): the message lists the codes with their
 * labels, since no quoting of what was written would make it one of them (issue 17 point 12).
 */
function codeListTypeMessage(n: Message, codes: SchemaNode, value: unknown): Message {
  return bilingual(
    `${n['zh-CN']} 应为 ${codeList(codes, 'zh-CN')}，而不是 ${shown(value)}：请写其中一个代码。`,
    `${n.en} must be one of ${codeList(codes, 'en')}, not ${shown(value)}: write one of these codes.`,
  );
}

export function enumMessage(path: JsonPath, schema: SchemaNode | undefined, value: unknown, replacement: string | undefined): Message {
  const n = named(path, titleOf(schema));
  const labels = schema?.['x-enum'] ?? {};
  if (replacement !== undefined) {
    const label = labels[replacement];
    return bilingual(
      `${n['zh-CN']} 的值 ${shown(value)} 不在代码表中：应写作 "${replacement}"${label ? `（${label['zh-CN']}）` : ''}。`,
      `${n.en}: ${shown(value)} is not in its list: write "${replacement}"${label ? ` (${label.en})` : ''}.`,
    );
  }
  const allowed = (schema?.enum ?? []).map(String);
  const list = (lang: keyof SchemaText, sep: string): string => {
    const items = allowed.slice(0, LISTED).map((a) => (labels[a] ? `${a} ${labels[a][lang]}` : a)).join(sep);
    return allowed.length > LISTED ? `${items}${sep}…` : items;
  };
  return bilingual(
    `${n['zh-CN']} 的值 ${shown(value)} 不在代码表中：请从以下取值中选择：${list('zh-CN', '、')}。`,
    `${n.en}: ${shown(value)} is not in its list: write one of ${list('en', ', ')}.`,
  );
}

/** What each custom format expects, as a writer reads it. */
const FORMAT_HINTS: Record<string, Message> = {
  date: bilingual(
    '不是有效日期：请写作 YYYY-MM-DD 格式的真实日期，如 2024-03-01。',
    'is not a valid date: write a real calendar date as YYYY-MM-DD, e.g. 2024-03-01.',
  ),
  'https-url': bilingual(
    '不是有效的 https 地址：请写完整的 https:// 地址。',
    'is not a valid https address: write a full https:// address.',
  ),
  phone: bilingual(
    '不是有效的电话号码：请写带区号的固定电话（如 0826-2345678）、手机号或服务短号（如 12345），多个号码以“、”或“,”分隔。',
    'is not a valid phone number: write a landline with area code (e.g. 0826-2345678), a mobile number or a short service number (e.g. 12345); separate several with 、 or ,.',
  ),
  duration: bilingual(
    '不是有效的期限：请写 ISO 8601 期间，如 P2Y（2年）、P6M（6个月）、P30D（30天）。',
    'is not a valid period: write an ISO 8601 duration such as P2Y (2 years), P6M (6 months) or P30D (30 days).',
  ),
};

export function formatMessage(path: JsonPath, schema: SchemaNode | undefined, format: string, value: unknown): Message {
  const n = named(path, titleOf(schema));
  const hint = FORMAT_HINTS[format] ?? bilingual(`不符合格式 ${format}。`, `does not match the format ${format}.`);
  return bilingual(`${n['zh-CN']} 的值 ${shown(value)} ${hint['zh-CN']}`, `${n.en}: ${shown(value)} ${hint.en}`);
}

export function maxLengthMessage(path: JsonPath, schema: SchemaNode | undefined, value: string, limit: number): Message {
  const n = named(path, titleOf(schema));
  const length = [...value].length;
  return bilingual(
    `${n['zh-CN']} 有 ${length} 个字符，超过上限 ${limit}：请缩短。`,
    `${n.en} has ${length} characters, more than the limit of ${limit}: shorten it.`,
  );
}

/** A pattern is explained by the field's own description (e.g. "2位数字的项代码。"). */
export function patternMessage(path: JsonPath, schema: SchemaNode | undefined, value: unknown): Message {
  const n = named(path, titleOf(schema));
  const rule = schema?.['x-i18n']?.description;
  return bilingual(
    `${n['zh-CN']} 的值 ${shown(value)} 格式不符：${rule?.['zh-CN'] ?? `应匹配 ${schema?.pattern ?? ''}。`}`,
    `${n.en}: ${shown(value)} has the wrong form: ${rule?.en ?? `it must match ${schema?.pattern ?? ''}.`}`,
  );
}

export function rangeMessage(path: JsonPath, schema: SchemaNode | undefined, value: unknown, bound: 'minimum' | 'maximum', limit: number): Message {
  const n = named(path, titleOf(schema));
  return bound === 'minimum'
    ? bilingual(`${n['zh-CN']} 的值 ${shown(value)} 过小：应不小于 ${limit}。`, `${n.en}: ${shown(value)} is too small: it must be at least ${limit}.`)
    : bilingual(`${n['zh-CN']} 的值 ${shown(value)} 过大：应不大于 ${limit}。`, `${n.en}: ${shown(value)} is too large: it must be at most ${limit}.`);
}

export function shapeMessage(path: JsonPath, schema: SchemaNode | undefined, keyword: string): Message {
  const n = named(path, titleOf(schema));
  return bilingual(
    `${n['zh-CN']} 的写法不符合要求（${keyword}）：请对照该字段的说明修改。`,
    `${n.en} does not have the required shape (${keyword}): correct it as the field's description says.`,
  );
}
