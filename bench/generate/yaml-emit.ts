/** A small, deterministic block-style YAML emitter for generated documents. */

export type YamlValue = string | number | boolean | YamlValue[] | YamlMap;
export interface YamlMap {
  [key: string]: YamlValue | undefined;
}

const FLOW_WIDTH = 72;
const PLAIN_UNSAFE = /[:#,[\]{}&*!|>'"%@`\n\r\t\\]|^[-?\s]|\s$/;
const LOOKS_TYPED = /^(?:[-+.]?\d.*|true|false|null|yes|no|on|off|y|n|~|\.inf|\.nan)$/i;
const PLAIN_KEY = /^[A-Za-z_][\w.-]*$/;

function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value === '' || PLAIN_UNSAFE.test(value) || LOOKS_TYPED.test(value)) return JSON.stringify(value);
  return value;
}

function key(name: string): string {
  return PLAIN_KEY.test(name) ? name : JSON.stringify(name);
}

function isScalar(value: YamlValue): value is string | number | boolean {
  return typeof value !== 'object';
}

function entries(map: YamlMap): [string, YamlValue][] {
  return Object.entries(map).filter((entry): entry is [string, YamlValue] => entry[1] !== undefined);
}

/** The one-line flow form, or undefined when the value is nested or too wide. */
function flow(value: YamlValue[] | YamlMap): string | undefined {
  let text: string;
  if (Array.isArray(value)) {
    if (!value.every(isScalar)) return undefined;
    text = `[${value.map((item) => scalar(item as string)).join(', ')}]`;
  } else {
    const pairs = entries(value);
    if (!pairs.every(([, item]) => isScalar(item))) return undefined;
    text = `{ ${pairs.map(([name, item]) => `${key(name)}: ${scalar(item as string)}`).join(', ')} }`;
  }
  return text.length <= FLOW_WIDTH || (Array.isArray(value) && value.length === 0) ? text : undefined;
}

function emitMap(map: YamlMap, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [name, value] of entries(map)) {
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    emitEntry(`${lead}${key(name)}:`, value, indent, out);
  }
}

function emitEntry(head: string, value: YamlValue, indent: string, out: string[]): void {
  if (isScalar(value)) {
    out.push(`${head} ${scalar(value)}`);
    return;
  }
  const inline = flow(value);
  if (inline !== undefined) {
    out.push(`${head} ${inline}`);
    return;
  }
  out.push(head);
  if (Array.isArray(value)) emitSeq(value, `${indent}  `, out);
  else emitMap(value, `${indent}  `, out);
}

function emitSeq(list: YamlValue[], indent: string, out: string[]): void {
  for (const item of list) {
    if (isScalar(item)) {
      out.push(`${indent}- ${scalar(item)}`);
      continue;
    }
    const inline = flow(item);
    if (inline !== undefined) out.push(`${indent}- ${inline}`);
    else if (Array.isArray(item)) {
      out.push(`${indent}-`);
      emitSeq(item, `${indent}  `, out);
    } else emitMap(item, `${indent}  `, out, `${indent}- `);
  }
}

/** One YAML document (no `---` marker), ending with a newline. */
export function emitDocument(root: YamlMap): string {
  const out: string[] = [];
  emitMap(root, '', out);
  return `${out.join('\n')}\n`;
}
