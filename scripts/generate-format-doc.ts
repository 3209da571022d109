/**
 * Writes docs/format.md, the reference of the document format, from schemas/ and the examples `govspec init` writes:
 * per kind every field (path, type, required or "when …", meaning in Chinese and English, source), every code list
 * with its labels, and one complete example. A property, definition or code without its bilingual annotation is an
 * error, so a field added to a schema without its doc fails the build (scripts/build.mjs runs this).
 * test/meta/format-doc.test.ts checks the committed page is what this writes. Run: npm run docs:format
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
export const FORMAT_DOC_PATH = join(root, 'docs', 'format.md');

interface Labels { 'zh-CN'?: string; en?: string }
/** The part of JSON Schema draft-07 the schemas use, with their annotations. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  definitions?: Record<string, SchemaNode>;
  items?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
  else?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  'x-enum'?: Record<string, Labels>;
  'x-i18n'?: { title?: Labels; description?: Labels; source?: string };
}
export type Schemas = Record<string, SchemaNode>;
interface Doc { title: { zh: string; en: string }; description: { zh: string; en: string }; source: string }
interface Code { code: unknown; zh: string; en: string }
interface CodeList { anchor: string; title: string; doc: Doc; owner: string; codes: Code[] }
interface RefName { stem: string; name: string }
interface Followed { stem: string; node: SchemaNode; ref: RefName | undefined }

/** The four kinds in the order a reader meets them: schema file stem, init template. */
const KINDS = ['service', 'catalog', 'agreement', 'agency'];
const SHARED = 'common';

/** A source naming one of GovSpec's own contract pages (`format.md`, `docs/semantics.md`) means no national standard defines the field. */
const sourceLabel = (source: string): string => (/^(docs\/)?(format|semantics|rules|cli)\.md\b/.test(source) ? 'GovSpec' : source);

export function readSchemas(dir = join(root, 'schemas')): Schemas {
  const schemas: Schemas = {};
  for (const stem of [...KINDS, SHARED, 'config']) schemas[stem] = JSON.parse(readFileSync(join(dir, `${stem}.schema.json`), 'utf8'));
  return schemas;
}

export function readExamples(dir = join(root, 'server', 'src', 'cli', 'templates')): Record<string, string> {
  return Object.fromEntries(KINDS.map((stem) => [stem, readFileSync(join(dir, `example.${stem}.yaml`), 'utf8')]));
}

/** `{ schema, node }` a `$ref` names, from the schema file `stem` it appears in. */
function resolve(schemas: Schemas, stem: string, ref: string): { stem: string; node: SchemaNode; name: string } {
  const [file, pointer = ''] = ref.split('#');
  const target = file ? file.replace(/\.schema\.json$/, '') : stem;
  let node: unknown = schemas[target];
  for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[part];
  if (!node) throw new Error(`${stem}.schema.json: $ref ${ref} names nothing`);
  return { stem: target, node: node as SchemaNode, name: pointer.split('/').pop() ?? '' };
}

/** A node with its `$ref` followed, the node's own annotations laid over the target's (as schemaAt does). */
function follow(schemas: Schemas, stem: string, node: SchemaNode): Followed {
  if (!node.$ref) return { stem, node, ref: undefined };
  const target = resolve(schemas, stem, node.$ref);
  const { $ref: _ref, ...own } = node;
  const inner = follow(schemas, target.stem, target.node);
  return { stem: inner.stem, node: { ...inner.node, ...own }, ref: inner.ref ?? { stem: target.stem, name: target.name } };
}

/** The bilingual annotation of a field, or an error naming where it is missing. */
function annotation(where: string, node: SchemaNode): Doc {
  const i18n = node['x-i18n'];
  const text = (part: 'title' | 'description', lang: keyof Labels): string => i18n?.[part]?.[lang]?.trim() ?? '';
  const parts = [['title', 'zh-CN'], ['title', 'en'], ['description', 'zh-CN'], ['description', 'en']] as const;
  const missing = parts.filter(([p, l]) => !text(p, l)).map(([p, l]) => `x-i18n.${p}.${l}`);
  const source = i18n?.source?.trim() ?? '';
  if (missing.length || !source) {
    throw new Error(`${where}: no ${[...missing, ...(source ? [] : ['x-i18n.source'])].join(', ')} (every schema property needs its doc annotation)`);
  }
  return { title: { zh: text('title', 'zh-CN'), en: text('title', 'en') }, description: { zh: text('description', 'zh-CN'), en: text('description', 'en') }, source };
}

/** Each code of an enum with its labels, or an error naming a code without them. */
function codes(where: string, node: SchemaNode): Code[] {
  return (node.enum ?? []).map((code) => {
    const labels = node['x-enum']?.[String(code)];
    if (!labels?.['zh-CN']?.trim() || !labels?.en?.trim()) throw new Error(`${where}: code ${JSON.stringify(code)} has no x-enum labels in both languages`);
    return { code, zh: labels['zh-CN'].trim(), en: labels.en.trim() };
  });
}

const anchorOf = (stem: string, key: string): string => `code-${stem}-${key.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}`.toLowerCase();

/** "when a.b = "1"" from an `if` made of `properties`/`const` (the one form the schemas use). */
function condition(node: SchemaNode, prefix = ''): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, sub]) =>
    'const' in sub ? [`\`${prefix}${key}\` = \`${JSON.stringify(sub.const)}\``] : condition(sub, `${prefix}${key}.`));
}

/** What a value is, in both languages' shared notation: type, format, bounds, code list link. */
function typeOf(node: SchemaNode, codeList: CodeList | undefined): string {
  if (node.enum && codeList) return `code · 代码 ([${codeList.title}](#${codeList.anchor}))`;
  const types = ([] as string[]).concat(node.type ?? 'any');
  let text = types.join(' \\| ');
  if (node.format) text += ` (${node.format})`;
  if (node.pattern) text += ` (\`${node.pattern}\`)`;
  if (node.maxLength !== undefined) text += ` ≤ ${node.maxLength} chars`;
  if (node.minimum !== undefined && node.maximum !== undefined) text += ` ${node.minimum}–${node.maximum}`;
  else if (node.minimum !== undefined) text += ` ≥ ${node.minimum}`;
  else if (node.maximum !== undefined) text += ` ≤ ${node.maximum}`;
  if (node.minItems) text += ` ≥ ${node.minItems}`;
  return text;
}

const cell = (text: string): string => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * The fields below an object node, depth first, as rows; code lists met on the way are added to `lists`
 * (one per definition, or per field for an inline enum).
 */
function collectFields(schemas: Schemas, stem: string, objectNode: SchemaNode, prefix: string, lists: Map<string, CodeList>, seen: Set<SchemaNode>): string[] {
  const rows: string[] = [];
  const when = objectNode.if && objectNode.then ? condition(objectNode.if, prefix).join(' and ') : undefined;
  const conditional = new Set(objectNode.then?.required ?? []);
  for (const [key, raw] of Object.entries(objectNode.properties ?? {})) {
    const path = `${prefix}${key}`;
    const { stem: at, node, ref } = follow(schemas, stem, raw);
    const doc = annotation(`${stem}.schema.json ${path}`, node);
    const required = (objectNode.required ?? []).includes(key) ? 'yes · 是' : conditional.has(key) ? `when · 当 ${when}` : '';
    const item = node.type === 'array' && node.items ? follow(schemas, at, node.items) : undefined;
    const valueNode = item?.node ?? node;
    const valueRef = item ? item.ref : ref;
    let codeList: CodeList | undefined;
    if (valueNode.enum) {
      const owner = valueRef && valueRef.stem === SHARED ? SHARED : stem;
      const key2 = valueRef ? valueRef.name : path;
      const listDoc = item ? annotation(`${stem}.schema.json ${path}[]`, valueNode) : doc;
      codeList = { anchor: anchorOf(owner, key2), title: key2, doc: listDoc, owner, codes: codes(`${stem}.schema.json ${path}`, valueNode) };
      if (!lists.has(codeList.anchor)) lists.set(codeList.anchor, codeList);
    }
    const type = item ? `list · 列表 of ${typeOf(valueNode, codeList)}${node.minItems ? `, ≥ ${node.minItems}` : ''}` : typeOf(node, codeList);
    rows.push(`| \`${path}\` | ${cell(type)} | ${cell(required)} | ${cell(`**${doc.title.zh}** ${doc.description.zh}`)} | ${cell(`**${doc.title.en}** ${doc.description.en}`)} | ${cell(sourceLabel(doc.source))} |`);
    const nested = valueNode.type === 'object' || valueNode.properties ? valueNode : undefined;
    if (nested && !seen.has(nested)) rows.push(...collectFields(schemas, item?.stem ?? at, nested, `${path}${item ? '[]' : ''}.`, lists, new Set([...seen, nested])));
  }
  return rows;
}

const FIELD_TABLE_HEAD = ['| 字段 field | 类型 type | 必填 required | 含义 | Meaning | 依据 source |', '| --- | --- | --- | --- | --- | --- |'];

/** The field table of a whole schema file and the code lists its fields use (docs/config.md uses it for the config). */
export function fieldTable(schemas: Schemas, stem: string): { lines: string[]; lists: CodeList[] } {
  const lists = new Map<string, CodeList>();
  const rows = collectFields(schemas, stem, schemas[stem], '', lists, new Set([schemas[stem]]));
  return { lines: [...FIELD_TABLE_HEAD, ...rows], lists: [...lists.values()] };
}

/** A code list of a schema's definition, as the field tables link to it. */
export function definitionCodeList(schemas: Schemas, stem: string, name: string): CodeList {
  const node = schemas[stem].definitions?.[name];
  if (!node) throw new Error(`${stem}.schema.json has no definition ${name}`);
  const where = `${stem}.schema.json #/definitions/${name}`;
  return { anchor: anchorOf(stem, name), title: name, doc: annotation(where, node), owner: stem, codes: codes(where, node) };
}

export function codeListSection(list: CodeList): string[] {
  return [
    `<a id="${list.anchor}"></a>`,
    '',
    `#### \`${list.title}\` — ${list.doc.title.zh} · ${list.doc.title.en}`,
    '',
    '| 代码 code | 中文 | English |',
    '| --- | --- | --- |',
    ...list.codes.map((c) => `| \`${cell(String(c.code))}\` | ${cell(c.zh)} | ${cell(c.en)} |`),
  ];
}

/** Every property and definition of every schema (config included) must carry its annotation and code labels. */
export function checkAnnotations(schemas: Schemas): void {
  const visit = (stem: string, node: SchemaNode | undefined, where: string): void => {
    if (!node || typeof node !== 'object') return;
    if (node.enum) codes(where, node);
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      if (!sub.$ref) annotation(`${stem}.schema.json ${where}${key}`, sub);
      visit(stem, sub, `${where}${key}.`);
    }
    for (const sub of [node.items, node.then, node.else, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) visit(stem, sub, where);
  };
  for (const [stem, schema] of Object.entries(schemas)) {
    visit(stem, schema, '');
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      if (!definition.$ref) annotation(`${stem}.schema.json #/definitions/${name}`, definition);
      visit(stem, definition, `#/definitions/${name} `);
    }
  }
}

/** The whole of docs/format.md. */
export function renderFormatDoc(schemas: Schemas = readSchemas(), examples: Record<string, string> = readExamples()): string {
  checkAnnotations(schemas);
  const shared = new Map<string, CodeList>();
  const kinds = KINDS.map((stem) => {
    const schema = schemas[stem];
    const lists = new Map<string, CodeList>();
    const rows = collectFields(schemas, stem, schema, '', lists, new Set([schema]));
    for (const [anchor, list] of lists) if (list.owner === SHARED) { shared.set(anchor, list); lists.delete(anchor); }
    return { stem, kind: String(schema.properties?.kind?.enum?.[0]), doc: annotation(`${stem}.schema.json`, schema), rows, lists };
  });
  const lines = [
    '# 文档格式 · Document format',
    '',
    '<!-- Generated by scripts/generate-format-doc.ts from schemas/ and the examples of `govspec init`; do not edit. Regenerate: npm run build -->',
    '',
    'GovSpec 读取四类 YAML 文档；每个文档以 `apiVersion: govspec/v1` 和 `kind` 开头，一个文件可以用 `---` 分隔多个文档。',
    '任何层级都可以加 `x-` 开头的字段，其内容不受检查。值为空（`null`、`""`、只有空白）的字段视为未填写。代码一律写成字符串（`"01"`，不是 `01`）。',
    '“必填”一栏中的“当 …”表示仅在该条件下必填；其他依条件而定的字段（如共享材料的 `sharing`、承诺件的 `commitment`、附条件共享协议的 `reply`）由各自的规则检查，见 [rules.md](rules.md)。',
    '',
    'GovSpec reads four kinds of YAML document; each starts with `apiVersion: govspec/v1` and `kind`, and one file may hold several documents separated by `---`.',
    'A key starting with `x-` is allowed at any depth and its content is not checked. A field whose value is blank (`null`, `""`, white space only) counts as missing. Codes are always strings (`"01"`, not `01`).',
    '"when …" in the required column means required only under that condition; the other conditional fields (a shared material\'s `sharing`, a commitment\'s `commitment`, a conditional agreement\'s `reply`) are checked by their rules: see [rules.md](rules.md).',
    '',
    'Types: `string`, `integer`, `boolean`, `object`, `list of …`; `(date)` is `YYYY-MM-DD`, `(https-url)` an `https://` address, `(phone)` one or more phone numbers joined by `、` or `,`, `(duration)` an ISO 8601 period such as `P6M`.',
    '',
    '## 目录 · Contents',
    '',
    ...kinds.map((k) => `- [\`${k.kind}\` — ${k.doc.title.zh} · ${k.doc.title.en}](#kind-${k.stem})`),
    '- [共用代码表 · Shared code lists](#shared-code-lists)',
  ];
  for (const k of kinds) {
    lines.push('', `<a id="kind-${k.stem}"></a>`, '', `## \`${k.kind}\` — ${k.doc.title.zh} · ${k.doc.title.en}`, '',
      k.doc.description.zh, '', k.doc.description.en, '', `依据 · Source: ${sourceLabel(k.doc.source)}`, '',
      '### 字段 · Fields', '',
      ...FIELD_TABLE_HEAD, ...k.rows);
    if (k.lists.size) {
      lines.push('', '### 代码表 · Code lists');
      for (const list of k.lists.values()) lines.push('', ...codeListSection(list));
    }
    lines.push('', '### 示例 · Example', '', `\`govspec init\` 写出的 \`example.${k.stem}.yaml\` · the \`example.${k.stem}.yaml\` that \`govspec init\` writes:`, '', '```yaml', examples[k.stem].trimEnd(), '```');
  }
  lines.push('', '<a id="shared-code-lists"></a>', '', '## 共用代码表 · Shared code lists');
  for (const list of [...shared.values()].sort((a, b) => a.title.localeCompare(b.title))) lines.push('', ...codeListSection(list));
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  writeFileSync(FORMAT_DOC_PATH, renderFormatDoc());
  console.log('wrote docs/format.md');
}
