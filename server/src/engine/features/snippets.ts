import type { SchemaNode } from '../schema/schemas';
import { schemaAt } from '../schema/schemas';
import type { JsonPath, Kind } from '../types';
import { quotedCode } from '../text/yaml-scalar';

/**
 * Snippets that write a field with its value's shape: an object with its required fields, a list with a first item,
 * a choice of the code list. Schemas are looked up by path so that every `$ref` is resolved. Lines are indented
 * relative to the key; the editor adds the line's own indentation.
 */

const INDENT = '  ';
const MAX_DEPTH = 3;

class Tabstops {
  private next = 1;
  take(): number { return this.next++; }
}

const escape = (text: string) => text.replace(/[$}\\]/g, '\\$&');
const escapeChoice = (text: string) => text.replace(/[$}\\,|]/g, '\\$&');

/** How an enum value is written: codes quoted so that YAML keeps them strings, tokens plain. */
export function enumText(value: unknown): string {
  return typeof value === 'string' && /^[\d\s]|^$/.test(value) ? quotedCode(value) : String(value);
}

function typeOf(schema: SchemaNode | undefined): string | undefined {
  return Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
}

/** `key: …` for the field at `path`, as a snippet. */
export function fieldSnippet(kind: Kind, path: JsonPath, stops = new Tabstops(), depth = 0): string {
  return `${escape(String(path[path.length - 1]))}:${valueSnippet(kind, path, stops, depth)}`;
}

/** The value part, starting right after the colon: ` value`, or a new line for objects and lists of objects. */
function valueSnippet(kind: Kind, path: JsonPath, stops: Tabstops, depth: number): string {
  const schema = schemaAt(kind, path);
  if (schema?.enum && schema.enum.length > 0) return ` \${${stops.take()}|${schema.enum.map((v) => escapeChoice(enumText(v))).join(',')}|}`;
  switch (typeOf(schema)) {
    case 'boolean': return ` \${${stops.take()}|true,false|}`;
    case 'integer':
    case 'number': return ` \${${stops.take()}:0}`;
    case 'object': {
      const body = depth < MAX_DEPTH ? requiredFields(kind, path, stops, depth + 1) : [];
      return body.length > 0 ? `\n${indent(body.join('\n'), INDENT)}` : ` {$${stops.take()}}`;
    }
    case 'array': {
      const itemPath = [...path, 0];
      const item = schemaAt(kind, itemPath);
      if (typeOf(item) === 'object' && depth < MAX_DEPTH) {
        const body = requiredFields(kind, itemPath, stops, depth + 1);
        if (body.length > 0) return `\n${INDENT}- ${indent(body.join('\n'), `${INDENT}  `).trimStart()}`;
      }
      return ` [${valueSnippet(kind, itemPath, stops, depth).trim()}]`;
    }
    default: return ` $${stops.take()}`;
  }
}

function requiredFields(kind: Kind, path: JsonPath, stops: Tabstops, depth: number): string[] {
  return (schemaAt(kind, path)?.required ?? []).map((key) => fieldSnippet(kind, [...path, key], stops, depth));
}

function indent(text: string, by: string): string {
  return text.split('\n').map((line) => by + line).join('\n');
}

/** A whole document of a kind with every required field, for new files; `header` adds `apiVersion` and `kind`. */
export function documentSnippet(kind: Kind, header = true): string {
  const stops = new Tabstops();
  const fields = (schemaAt(kind, [])?.required ?? []).filter((k) => k !== 'apiVersion' && k !== 'kind').map((key) => fieldSnippet(kind, [key], stops, 1));
  return [...(header ? ['apiVersion: govspec/v1', `kind: ${kind}`] : []), ...fields].join('\n');
}
