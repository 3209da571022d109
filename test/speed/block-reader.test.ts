import * as assert from 'assert';
import * as path from 'path';
import fc from 'fast-check';
import { readBlock } from '../../server/src/engine/yaml/block-reader';
import { caseTexts, casesOf, ruleFolders } from '../support/fixtures';
import { Tree, preciseData, trees } from '../support/yaml-data';

/**
 * The block reader (yaml/block-reader.ts) must read exactly the data of `yaml` 2 under YAML 1.2 core, as
 * yaml/parse.ts composes it, or say it is unsure: on generated documents of every layout the format is written in,
 * on every fixture and example, and on mutated documents. The benchmark's `--only reader` does the same over the
 * corpora.
 */

/** Whenever the block reader reads a text, the precise parser reads it cleanly and to the same data. */
function agrees(text: string): boolean {
  const block = readBlock(text);
  if (block === undefined) return false;
  assert.deepStrictEqual(block, preciseData(text), JSON.stringify(text));
  return true;
}

const SEED = process.env.GOVSPEC_FC_SEED === undefined ? 20261202 : Number(process.env.GOVSPEC_FC_SEED);

/** A small deterministic generator of layout choices, seeded per document by fast-check. */
function chooser(seed: number): <T>(options: readonly T[]) => T {
  let state = seed >>> 0 || 1;
  return (options) => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    return options[state % options.length];
  };
}

// Plain scalars on the edges of the YAML 1.1 / 1.2 core differences, words, codes and Chinese text.
const PLAIN = fc.oneof(
  fc.constantFrom(
    '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'No', 'on', 'off', 'y', 'n',
    '0', '-0', '+0', '01', '007', '0o17', '0o8', '0O17', '0x1F', '0X1F', '0xg', '0b101', '1_000', '1,000', '+12',
    '.5', '-.5', '1.', '1.0', '1.50', '1e3', '1E-3', '.1e+2', '1.5e', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN',
    '2024-03-01', '2024-03-01T10:00:00Z', '12:30', '1:20:30', '190101', '9007199254740993', '--', '=', '-a', '-1',
    '工作日', '０１', 'a b', 'a  b', 'x%', '中文 名称', '91110000000000000X', 'http://x.cn/a?b=1', 'a#b', 'a:b', 'a,b',
    'a]b', 'a}b', "it's", 'say "hi"', '---', 'a-', '😀', '学籍登记信息，包括公民身份号码、性别等信息项。',
  ),
  fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ._/-]{0,12}$/).filter((s) => !/ $/.test(s)),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);

const ESCAPE = fc.constantFrom(...'0abtnvfre "/\\N_LP'.split('').map((c) => `\\${c}`));
const DOUBLE = fc.array(fc.oneof(ESCAPE, fc.constantFrom('a', ' ', '中', '😀', "'", '#', ': ', ',', ']', '}'), fc.string({ maxLength: 4 }).filter((s) => !/["\\\n\r]/.test(s))), { maxLength: 6 })
  .map((parts) => `"${parts.join('')}"`);
const SINGLE = fc.string({ maxLength: 8 }).filter((s) => !/[\n\r]/.test(s)).map((s) => `'${s.replace(/'/g, "''")}'`);

const SCALAR = fc.oneof({ weight: 5, arbitrary: PLAIN }, { weight: 2, arbitrary: DOUBLE }, { weight: 1, arbitrary: SINGLE }, { weight: 1, arbitrary: fc.constant('') });

const KEY = fc.oneof(
  fc.constantFrom('a', 'code', 'name', '1', '1.0', '0x10', 'true', 'null', '~', '中文', '名称', '__proto__', 'a b', '-k', '"q"', "'s'", '"a: b"', '"k#"'),
  fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/),
);

const tree = trees(SCALAR, KEY);

/** A flow scalar: plain words that the flow context would cut (`,`, `]`, `:`…) are quoted. */
function flowScalar(s: string): string {
  if (s === '') return '""';
  return /[,[\]{}#:]/.test(s) && !/^["']/.test(s) ? JSON.stringify(s) : s;
}

function flowText(t: Tree): string {
  if (t.scalar !== undefined) return flowScalar(t.scalar);
  if (t.map) return `{ ${t.map.map(([k, v]) => `${flowScalar(k)}: ${flowText(v)}`).join(', ')} }`;
  return `[${t.seq!.map(flowText).join(', ')}]`;
}

/**
 * Emits a tree in block style, as people and tools write this format: indents of one to four spaces, compact
 * `- key: value` items, sequences at their key's column, flow collections, comments after values and on lines of
 * their own at any indent, blank lines, empty values.
 */
function emit(t: Tree, pick: <T>(options: readonly T[]) => T): string[] {
  const comment = () => pick(['', '', '', ' # note', ' #', ' # 注释 a: b']);
  const between = (indent: number): string[] => pick([[], [], [], [''], [`${' '.repeat(pick([0, indent, indent + 2]))}# between`]]);
  const lines: string[] = [];

  /** The lines of `t` as the value after `head` (a `key:` or `-` already written), nested at `indent`. */
  const value = (head: string, t: Tree, indent: number, asItem: boolean): void => {
    const step = pick([1, 2, 2, 2, 4]);
    if (t.scalar !== undefined) {
      lines.push(t.scalar === '' && !asItem ? `${head}${comment()}` : `${head} ${t.scalar === '' ? '""' : t.scalar}${comment()}`);
      return;
    }
    const size = t.map?.length ?? t.seq!.length;
    if (t.flow || size === 0) {
      lines.push(`${head} ${flowText(t)}${comment()}`);
      return;
    }
    if (t.map) {
      if (asItem && pick([true, true, false])) {
        // Compact: the first entry on the dash's line.
        mapping(t.map, indent + step, `${head}${' '.repeat(step - 1 || 1)}`);
        return;
      }
      lines.push(`${head}${comment()}`);
      mapping(t.map, indent + step, undefined);
      return;
    }
    if (asItem && pick([true, false])) {
      sequence(t.seq!, indent + step, `${head}${' '.repeat(step - 1 || 1)}`);
      return;
    }
    lines.push(`${head}${comment()}`);
    // A sequence may sit at its key's own column.
    sequence(t.seq!, !asItem && pick([true, false]) ? indent : indent + step, undefined);
  };

  const mapping = (entries: [string, Tree][], indent: number, first: string | undefined): void => {
    entries.forEach(([k, v], i) => {
      if (i > 0) lines.push(...between(indent));
      const lead = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      value(`${lead}${k}:`, v, lead.length === indent ? indent : lead.length, false);
    });
  };

  const sequence = (items: Tree[], indent: number, first: string | undefined): void => {
    items.forEach((v, i) => {
      if (i > 0) lines.push(...between(indent));
      const lead = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      value(`${lead}-`, v, lead.length, true);
    });
  };

  if (t.scalar !== undefined) lines.push(t.scalar === '' ? '""' : t.scalar);
  else if (t.map && !t.flow && t.map.length > 0) mapping(t.map, 0, undefined);
  else if (t.seq && !t.flow && t.seq.length > 0) sequence(t.seq, 0, undefined);
  else lines.push(flowText(t));
  return lines;
}

/** Several documents, with or without `---` before the first, comments and blank lines around, LF or CRLF. */
function stream(docs: Tree[], seed: number): string {
  const pick = chooser(seed);
  const lines: string[] = pick([[], [], ['# header']]);
  docs.forEach((d, i) => {
    if (i > 0 || pick([true, false])) lines.push(pick(['---', '---', '--- # doc', '---  ']));
    lines.push(...emit(d, pick));
    if (pick([true, false, false])) lines.push('');
  });
  if (pick([false, false, true])) lines.push('---');
  const eol = pick(['\n', '\n', '\r\n']);
  return lines.join(eol) + pick([eol, eol, '']);
}

describe('block reader: the data of `yaml` 2, or unsure (fast-check)', function () {
  this.timeout(300_000);

  it('generated documents of every layout the format allows', function () {
    let read = 0;
    let all = 0;
    fc.assert(fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.integer(), (docs, seed) => {
      all++;
      if (agrees(stream(docs, seed))) read++;
    }), { numRuns: 3000, seed: SEED });
    // The generator writes only what the reader is meant to take; duplicate keys (`1` and `1.0`), `key: ""` that
    // quotes an empty item and the like are the rest.
    assert.ok(read > all * 0.8, `${read} of ${all} generated streams read`);
  });

  it('every plain and quoted scalar, as a value, a key, an item and in flow', function () {
    let read = 0;
    fc.assert(fc.property(SCALAR.filter((s) => s !== ''), (s) => {
      const texts = [`value: ${s}\n`, `${s}: 1\n`, `- ${s}\n`, `v: [${s}]\n`, `v: { k: ${s} }\n`, `- k: ${s}\n  j: 2\n`];
      for (const text of texts) if (agrees(text)) read++;
    }), { numRuns: 2000, seed: SEED });
    assert.ok(read > 2000 * 3, `${read} read`);
  });

  it('random text made of the format\'s pieces: read the same or unsure', function () {
    const piece = fc.constantFrom('a', 'b: ', ': ', ':', '- ', '-', '  ', ' ', '\n', '\r\n', '#', ' #x', '"', "'", '[', ']', '{', '}', ',', '---\n', '1', '0x1', '.5', '~', 'true', '\\', '\\n', '中', '😀');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => { agrees(parts.join('')); }), { numRuns: 5000, seed: SEED });
  });

  it('every fixture and example reads the same (and most are read)', function () {
    const cases = [...ruleFolders().flatMap((r) => casesOf(r)).map((c) => c.path), path.resolve(__dirname, '../../examples')];
    const texts = cases.flatMap((c) => [...caseTexts(c).values()]);
    const read = texts.filter(agrees).length;
    assert.ok(read > texts.length * 0.9, `${read} of ${texts.length} fixture files read`);
  });
});

/** Mutations of a valid document that the reader must not read as anything but what `yaml` 2 reads. */
const MUTATIONS: readonly { name: string; apply: (lines: string[], at: number) => string[]; unsure: boolean }[] = [
  { name: 'a tab in the indent', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/^( *)/, '$1\t')), unsure: true },
  { name: 'a tab after a value', apply: (l, at) => replaceLine(l, at, (s) => `${s}\t`), unsure: true },
  { name: 'an anchor on a value', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/: /, ': &a ')), unsure: true },
  { name: 'an alias as a value', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/: .*/, ': *a')), unsure: true },
  { name: 'a tag on a value', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/: /, ': !!str ')), unsure: true },
  { name: 'a duplicate key line', apply: (l, at) => [...l.slice(0, at + 1), l[at].replace(/^( *)- /, '$1  '), ...l.slice(at + 1)], unsure: true },
  { name: 'a suppression comment', apply: (l, at) => [...l.slice(0, at), '# govspec-disable-next-line schema/required -- why', ...l.slice(at)], unsure: true },
  { name: 'a merge key', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/^( *(?:- )?)[^:]+:/, '$1<<:')), unsure: true },
  { name: 'a complex key', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/^( *(?:- )?)/, '$1? ')), unsure: true },
  { name: 'a block scalar', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/: .*/, ': |\n  text')), unsure: true },
  { name: 'a lone carriage return', apply: (l, at) => replaceLine(l, at, (s) => `${s}\rx`), unsure: true },
  { name: 'a continuation line', apply: (l, at) => [...l.slice(0, at + 1), `${' '.repeat(indentOf(l[at]) + 4)}more words`, ...l.slice(at + 1)], unsure: true },
  { name: 'one more space of indent', apply: (l, at) => replaceLine(l, at, (s) => ` ${s}`), unsure: false },
  { name: 'one less space of indent', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/^ /, '')), unsure: false },
  { name: 'a comment glued to a quote', apply: (l, at) => replaceLine(l, at, (s) => s.replace(/"$/, '"#x')), unsure: false },
  { name: 'a dash alone', apply: (l, at) => [...l.slice(0, at), `${' '.repeat(indentOf(l[at]))}-`, ...l.slice(at)], unsure: false },
  { name: 'a character deleted', apply: (l, at) => replaceLine(l, at, (s) => s.slice(0, s.length >> 1) + s.slice((s.length >> 1) + 1)), unsure: false },
  { name: 'a colon inserted', apply: (l, at) => replaceLine(l, at, (s) => `${s.slice(0, s.length >> 1)}: ${s.slice(s.length >> 1)}`), unsure: false },
];

function replaceLine(lines: string[], at: number, f: (s: string) => string): string[] {
  return lines.map((s, i) => (i === at ? f(s) : s));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

describe('block reader: mutated documents are read the same or left to the precise parser', function () {
  this.timeout(300_000);
  const examples = [...caseTexts(path.resolve(__dirname, '../../examples')).values()].filter((t) => readBlock(t) !== undefined);

  it('the examples the mutations start from are read', function () {
    assert.ok(examples.length >= 10, `${examples.length} examples read`);
  });

  for (const mutation of MUTATIONS) {
    it(`${mutation.name}: ${mutation.unsure ? 'unsure' : 'unsure or the same data'}`, function () {
      let mutated = 0;
      fc.assert(fc.property(fc.nat(examples.length - 1), fc.nat(), (which, line) => {
        const lines = examples[which].split('\n');
        // Lines holding `key: value`, where every mutation has something to change.
        const candidates = lines.map((s, i) => [s, i] as const).filter(([s]) => /^ *(?:- )?[A-Za-z]\w*: \S/.test(s) && !s.includes('#'));
        if (candidates.length === 0) return;
        const at = candidates[line % candidates.length][1];
        const text = mutation.apply(lines, at).join('\n');
        if (text === examples[which]) return;
        mutated++;
        if (mutation.unsure) assert.strictEqual(readBlock(text), undefined, JSON.stringify(text.split('\n').slice(Math.max(0, at - 1), at + 3)));
        else agrees(text);
      }), { numRuns: 200, seed: SEED });
      assert.ok(mutated > 20, `${mutated} mutated documents`);
    });
  }
});
