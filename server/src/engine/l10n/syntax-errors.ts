/**
 * YAML syntax errors as a first-time author needs them: in the report's language, once, at the line of the mistake.
 * The `yaml` parser explains in English and often twice (an indentation slip is "Nested mappings are not allowed in
 * compact mappings" and "Implicit keys need to be on a single line", both at the value on the line above).
 */
import type { Message } from '../types';
import type { YamlProblem } from '../yaml/parse';
import { bilingual } from './message';

/** A syntax problem as it is reported: where, and what it means. */
export interface ExplainedSyntax { start: number; end: number; message: Message }

const NESTED = /^Nested mappings are not allowed in compact mappings/;
const MULTILINE_KEY = /^Implicit keys need to be on a single line/;

/** What the parser's own words mean, by the start of its message; the parser's text is kept only for the rest. */
const EXPLANATIONS: readonly [RegExp, Message][] = [
  [/^All mapping items must start at the same column/, bilingual(
    'YAML 语法错误：同一层的键必须从同一列开始，这一行的缩进与上面的键不一致。请用空格对齐。',
    'YAML syntax error: the keys of one level must start at the same column, and this line is indented differently from the keys above. Align it with spaces.')],
  [/^All collection items must start at the same column|^Sequence items must/, bilingual(
    'YAML 语法错误：同一列表的各项（“- ”）必须从同一列开始。请用空格对齐。',
    'YAML syntax error: the items of one list ("- ") must start at the same column. Align them with spaces.')],
  [/^Tabs are not allowed as indentation/, bilingual(
    'YAML 语法错误：缩进不能用 Tab。请改用空格。',
    'YAML syntax error: indentation cannot use tabs. Use spaces instead.')],
  [/^Missing closing "quote/, bilingual(
    'YAML 语法错误：双引号没有闭合。请在值的末尾补上 "。',
    'YAML syntax error: a double quote is not closed. Add the closing " at the end of the value.')],
  [/^Missing closing 'quote/, bilingual(
    'YAML 语法错误：单引号没有闭合。请在值的末尾补上 \'。',
    'YAML syntax error: a single quote is not closed. Add the closing \' at the end of the value.')],
  [/^Flow sequence .*end with a \]|^Expected .*\]/, bilingual(
    'YAML 语法错误：以 [ 开始的列表没有用 ] 结束。请补上 ]，或给含方括号的文字加引号。',
    'YAML syntax error: a list that starts with [ is not closed with ]. Add the ], or quote a text that holds brackets.')],
  [/^Flow mapping .*end with a \}|^Expected .*\}/, bilingual(
    'YAML 语法错误：以 { 开始的映射没有用 } 结束。请补上 }，或给含花括号的文字加引号。',
    'YAML syntax error: a mapping that starts with { is not closed with }. Add the }, or quote a text that holds braces.')],
  [/^unknown anchor \*(.*)$/, bilingual(
    'YAML 语法错误：别名 *$1 之前没有定义锚点 &$1。',
    'YAML syntax error: the alias *$1 has no anchor &$1 before it.')],
  [NESTED, bilingual(
    'YAML 语法错误：一行里有两个“键: 值”。值里含有“: ”时，请给整个值加引号。',
    'YAML syntax error: two "key: value" pairs on one line. When a value holds ": ", put the whole value in quotes.')],
  [MULTILINE_KEY, bilingual(
    'YAML 语法错误：这一行缺少“键: 值”的冒号，或一个键被拆成了多行。',
    'YAML syntax error: this line lacks the colon of "key: value", or a key is split over several lines.')],
];

/** An indentation slip: the line is indented further than the keys beside it, so YAML reads it as the value above, continued. */
const DEEPER_LINE = bilingual(
  'YAML 语法错误：这一行比同一层的键缩进得更深，被读成了上一行取值的延续。请让同一层的键对齐到同一列。',
  'YAML syntax error: this line is indented further than the keys beside it, so it is read as the value above, continued. Align the keys of one level at the same column.');

/** A parser message in both languages (the explanations above, else the parser's words marked as such). */
export function explainSyntaxDetail(detail: string): Message {
  for (const [pattern, message] of EXPLANATIONS) {
    const m = pattern.exec(detail);
    if (m) return bilingual(message['zh-CN'].replace(/\$1/g, m[1] ?? ''), message.en.replace(/\$1/g, m[1] ?? ''));
  }
  // Words of the parser no explanation above covers: kept, marked as the parser's.
  return bilingual(`YAML 语法错误（解析器原文：${detail}）。请检查此处的缩进、引号或括号。`, `YAML syntax error: ${detail}. Check the indentation, quotes or brackets here.`);
}

/** The first non-blank character of the last line a range reaches, to the range's end: where a continued key sits. */
function lastLineStart(text: string, start: number, end: number): number {
  let at = text.lastIndexOf('\n', end - 1) + 1;
  while (at < end && (text[at] === ' ' || text[at] === '\t')) at++;
  return Math.max(at, start);
}

const UNCLOSED_FLOW = /^Flow (sequence|mapping) .*end with a [\]}]|^Expected .*[\]}]/;

/**
 * The `[` or `{` a flow collection left open, searched back from where the parser noticed: the mistake is there,
 * not at the next line. Brackets in quotes or comments are counted too (a rare miss places the finding on a
 * bracket of the text instead); undefined when none is left open.
 */
function unclosedOpener(text: string, before: number): number | undefined {
  let depth = 0;
  for (let i = before - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/**
 * The syntax problems of one document, explained: the pair of errors an indentation slip gives becomes one finding
 * on the deeper line, an unclosed `[` or `{` is reported where it opens, and no line gets two syntax findings. Other
 * problems pass through untouched.
 */
export function explainSyntax(problems: readonly YamlProblem[], text: string): { problem: YamlProblem; explained?: ExplainedSyntax }[] {
  const out: { problem: YamlProblem; explained?: ExplainedSyntax }[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const taken = new Set<number>();
  for (const problem of problems) {
    if (problem.kind !== 'syntax') {
      out.push({ problem });
      continue;
    }
    let explained: ExplainedSyntax = { start: problem.start, end: problem.end, message: explainSyntaxDetail(problem.detail) };
    const continued = MULTILINE_KEY.test(problem.detail) || NESTED.test(problem.detail)
      ? problems.find((p) => p.kind === 'syntax' && MULTILINE_KEY.test(p.detail) && p.start === problem.start && text.slice(p.start, p.end).includes('\n'))
      : undefined;
    if (continued) {
      const at = lastLineStart(text, continued.start, continued.end);
      explained = { start: at, end: Math.max(continued.end, at + 1), message: DEEPER_LINE };
    } else if (UNCLOSED_FLOW.test(problem.detail)) {
      const opener = unclosedOpener(text, problem.start);
      if (opener !== undefined) explained = { ...explained, start: opener, end: opener + 1 };
    }
    const line = lineOf(explained.start);
    if (taken.has(line)) continue;
    taken.add(line);
    out.push({ problem, explained });
  }
  return out;
}
