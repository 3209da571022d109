import type { Locale, Message, RuleDocLink, RuleMeta } from '../types';
import { ruleDocUrl } from '../types';
import type { SchemaNode, SchemaText } from '../schema/schemas';
import { bilingual } from '../l10n/message';

/** Markdown shown in hovers and completion details: always both languages, the reader's own first. */

const SOURCE: Message = bilingual('依据', 'Source');
const DOC: Message = bilingual('规则说明', 'Rule documentation');

function order(locale: Locale): [Locale, Locale] {
  return locale === 'zh-CN' ? ['zh-CN', 'en'] : ['en', 'zh-CN'];
}

/** One line with both languages: `行政许可 · Administrative licence`. */
export function pair(text: SchemaText | Message, locale: Locale): string {
  const [first, second] = order(locale);
  return text[first] === text[second] ? text[first] : `${text[first]} · ${text[second]}`;
}

/** A field's title, meaning and the clause it comes from. */
export function fieldMarkdown(schema: SchemaNode, locale: Locale): string | undefined {
  const i18n = schema['x-i18n'];
  if (!i18n) return undefined;
  const [first, second] = order(locale);
  const parts = [`**${pair(i18n.title, locale)}**`];
  if (i18n.description) parts.push(i18n.description[first], i18n.description[second]);
  if (i18n.source) parts.push(`*${pair(SOURCE, locale)}:* ${i18n.source}`);
  return parts.join('\n\n');
}

/** The label of one code of a code list, or undefined when the list has none for it. */
export function codeLabel(schema: SchemaNode | undefined, code: unknown): SchemaText | undefined {
  const labels = schema?.['x-enum'];
  return labels && typeof code === 'string' && Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined;
}

/** A code with its label; the field's title is left to fieldMarkdown, which the hover shows below it. */
export function codeMarkdown(schema: SchemaNode | undefined, code: string, locale: Locale): string | undefined {
  const label = codeLabel(schema, code);
  return label && `\`${code}\` ${pair(label, locale)}`;
}

export function ruleMarkdown(meta: RuleMeta | undefined, ruleId: string, message: Message | undefined, locale: Locale, ruleDoc: RuleDocLink = ruleDocUrl): string {
  const [first, second] = order(locale);
  const parts = [`**${ruleId}**${meta ? ` — ${meta.summary[first]}` : ''}`];
  if (message) parts.push(message[first], message[second]);
  if (meta?.source) parts.push(`*${pair(SOURCE, locale)}:* ${meta.source}`);
  parts.push(`[${pair(DOC, locale)}](${ruleDoc(ruleId)})`);
  return parts.join('\n\n');
}
