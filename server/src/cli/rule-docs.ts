import docs from 'govspec:rule-docs';
import type { Locale } from '../engine';

/**
 * The README heading of each language's section (rules/<id>/README.md). A plain choice, not a message: the report
 * command loads this module lazily, and a run-time import of the engine here would make esbuild wrap the whole
 * engine of dist/cli.js in lazy initialisers (about 80 KB more).
 */
const sectionHeading = (locale: Locale): string => (locale === 'zh-CN' ? '## 中文' : '## English');

/** A rule's documentation in one language: the README's title and that language's section; undefined when absent. */
export function ruleDoc(ruleId: string, locale: Locale): string | undefined {
  const readme = docs[ruleId];
  if (readme === undefined) return undefined;
  const lines = readme.split(/\r?\n/);
  const title = lines.find((line) => /^# /.test(line));
  const start = lines.findIndex((line) => line.trim() === sectionHeading(locale));
  if (start === -1) return undefined;
  // A `## ` line inside a fenced example is YAML, not the next section.
  let fenced = false;
  const end = lines.findIndex((line, i) => {
    if (i <= start) return false;
    if (/^\s*```/.test(line)) fenced = !fenced;
    return !fenced && /^## /.test(line);
  });
  const body = lines.slice(start + 1, end === -1 ? undefined : end).join('\n').trim();
  return [title, body].filter((part) => part).join('\n\n');
}
