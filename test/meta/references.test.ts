/**
 * Nothing in the repository refers to anything outside it: no tracked file names a folder beside the checkout or a
 * machine's absolute path, no Markdown link points at a file the repository does not have, and the contract pages
 * are cited as this repository's docs/ pages (which exist), never as section numbers of pages kept elsewhere.
 * A bare `semantics.md` names docs/semantics.md.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');

/**
 * docs/ pages that other branches of this release are writing and README already links to. Each entry must go once
 * its page is merged: the last test fails while a listed page exists.
 */
const AWAITING_MERGE = new Set<string>([]);

/** The contract's page names; in this repository they are docs/<name>.md. */
const CONTRACT_PAGES = ['format', 'semantics', 'cli', 'rules', 'identifiers', 'editor', 'performance', 'design-notes'];

const OUTSIDE = [
  { pattern: /\.\.\/shared\b|\bshared\/spec\b/, why: 'names the folder beside the checkout' },
  { pattern: /(^|[\s`'"(])\/work\//, why: 'names an absolute path of a build machine' },
  { pattern: /(^|[\s`'"(])\/spec\//, why: 'names a /spec/ folder that is not part of the repository' },
  { pattern: /\b[\w-]+\.md\s*§/, why: 'cites a section number of a contract page; cite docs/<page>.md or the rule instead' },
  { pattern: /(^|[^\w])§\s*\d/, why: 'cites a numbered section of a contract page kept elsewhere; name the topic or docs/<page>.md' },
];

interface Hit { file: string; line: number; text: string; why: string }

function trackedTextFiles(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files.flatMap((file) => {
    const full = path.join(ROOT, file);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) return [];
    const bytes = fs.readFileSync(full);
    return bytes.includes(0) ? [] : [{ file, text: bytes.toString('utf8') }];
  });
}

const exists = (file: string): boolean => fs.existsSync(path.join(ROOT, file)) || AWAITING_MERGE.has(file);

/** Markdown links and images `[text](target)` whose target is a relative path that does not resolve in the repo. */
function brokenLinks(file: string, text: string): Hit[] {
  const hits: Hit[] = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) return;
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(target.split('#')[0])));
      if (resolved.startsWith('../') || !exists(resolved)) hits.push({ file, line: index + 1, text: line.trim(), why: `links to ${target}, which is not in the repository` });
    }
  });
  return hits;
}

/** A contract page named bare (`identifiers.md`) that is not one of docs/, or a path to a page that does not exist. */
function contractMentions(file: string, text: string): Hit[] {
  const hits: Hit[] = [];
  const pages = new RegExp(`(^|[^\\w./-])((?:[\\w.-]+/)*)(${CONTRACT_PAGES.join('|')})\\.md\\b`, 'g');
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(pages)) {
      const [, , folder, page] = match;
      const named = `${folder}${page}.md`;
      const found = folder ? exists(path.posix.normalize(path.posix.join(path.posix.dirname(file), named))) || exists(named) : exists(`docs/${page}.md`);
      if (!found) hits.push({ file, line: index + 1, text: line.trim(), why: `names ${named}, which is not in the repository: cite a docs/ page or the rule` });
    }
  });
  return hits;
}

describe('references stay inside the repository', () => {
  const files = trackedTextFiles().filter((f) => f.file !== SELF);
  const report = (hits: Hit[]): string => hits.map((h) => `${h.file}:${h.line}: ${h.why}\n    ${h.text.slice(0, 160)}`).join('\n');

  it('no tracked file names a path outside the checkout', () => {
    const hits = files.flatMap(({ file, text }) => text.split('\n').flatMap((line, index) =>
      OUTSIDE.filter((o) => o.pattern.test(line)).map((o) => ({ file, line: index + 1, text: line.trim(), why: o.why }))));
    assert.ok(hits.length === 0, `\n${report(hits)}`);
  });

  it('every relative Markdown link resolves to a file of the repository', () => {
    const hits = files.filter((f) => f.file.endsWith('.md')).flatMap((f) => brokenLinks(f.file, f.text));
    assert.ok(hits.length === 0, `\n${report(hits)}`);
  });

  it('contract pages are cited as the docs/ pages of this repository', () => {
    const hits = files.flatMap((f) => contractMentions(f.file, f.text));
    assert.ok(hits.length === 0, `\n${report(hits)}`);
  });

  it('lists as awaited only the docs/ pages that are not merged yet', () => {
    assert.deepStrictEqual([...AWAITING_MERGE].filter((file) => fs.existsSync(path.join(ROOT, file))), [], 'merged: remove these from AWAITING_MERGE');
  });

  it('catches each kind of reference it looks for', () => {
    // The folder beside the checkout is spelt in parts, so that this file does not name it itself.
    const sample = `see ${['..', 'shared', 'spec', 'cli.md'].join('/')} and /work/x and /spec/format.md and semantics.md §5`;
    assert.ok(OUTSIDE.some((o) => o.pattern.test('skip it (§5)')), 'a bare section number');
    assert.strictEqual(OUTSIDE.filter((o) => o.pattern.test(sample)).length, OUTSIDE.length);
    assert.strictEqual(brokenLinks('README.md', '[x](docs/no-such-page.md) [y](docs/rules.md) [z](https://example.org)').length, 1);
    assert.strictEqual(contractMentions('server/src/x.ts', '// as identifiers.md says; docs/rules.md is fine').length, 1);
  });
});
