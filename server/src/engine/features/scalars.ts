/** How to write a string as a YAML scalar so that it reads back as that same string. */

/** Plain scalars that the core schema would read as something other than a string, or that YAML cannot start with. */
const NOT_A_PLAIN_STRING = /^(?:[-?:,[\]{}#&*!|>'"%@`\s]|(?:true|false|null|~|yes|no|on|off)$|[-+]?(?:\d|\.\d|\.inf|\.nan|0[xo]))/i;

export function yamlString(value: string): string {
  const plain = value !== '' && !NOT_A_PLAIN_STRING.test(value) && !/:\s|\s#|\s$|[\n\r\t]/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Codes are always written quoted (format.md), so that `01` stays a string. */
export function quotedCode(code: string): string {
  return JSON.stringify(code);
}

/** A new value written the way the old one was: keeping its double or single quotes, else as plain as possible. */
export function rewriteScalar(source: string, value: string): string {
  if (source.startsWith('"')) return JSON.stringify(value);
  if (source.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return yamlString(value);
}
