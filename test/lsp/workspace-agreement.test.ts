import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { LintWorkspaceRequest } from '../../server/src/lsp/protocol';
import { ensureBuilt, govspec, jsonOf } from '../cli/harness';
import { FIXTURE_TODAY } from '../support/fixtures';
import { TestClient } from './harness';

/**
 * docs/semantics.md: the editor computes the same roots, ignores and settings as the CLI. The same fixture
 * workspaces go through the built CLI (`govspec lint`, run in the workspace folder) and through the language
 * server ("lint workspace" with that folder open); the linted files and the findings must be the same, and the
 * linted files those the case expects.
 */

const SERVICE = fs.readFileSync(path.join(__dirname, '../../server/src/cli/templates/example.service.yaml'), 'utf8');
/** A document every linter reports (schema findings), so the linted files can be read off the findings. */
const STUB = 'apiVersion: govspec/v1\nkind: Service\n';

interface Case {
  name: string;
  files: Record<string, string>;
  /** What text cannot say: `.git` folders, symbolic links. */
  prepare?: (root: string) => void;
  /** The CLI's paths (default `.`); the editor's findings are compared for the files below them. */
  paths?: string[];
  linted: string[];
  /** Rules neither host may report here (a workspace whose point is a finding that must not be). */
  absent?: string[];
}

const git = (...folders: string[]) => (root: string) => { for (const f of folders) fs.mkdirSync(path.join(root, f, '.git'), { recursive: true }); };

const CASES: Case[] = [
  {
    name: 'nested configs change settings, not the workspace',
    files: { 'govspec.config.yaml': 'extends: recommended\n', 'one.service.yaml': SERVICE, 'x/govspec.config.yaml': 'extends: strict\n', 'x/two.service.yaml': SERVICE },
    linted: ['one.service.yaml', 'x/two.service.yaml'],
  },
  {
    name: 'root: true makes a nested workspace of its own',
    files: { 'govspec.config.yaml': 'extends: recommended\n', 'one.service.yaml': SERVICE, 'sub/govspec.config.yaml': 'root: true\n', 'sub/two.service.yaml': SERVICE, 'sub/three.service.yaml': SERVICE },
    linted: ['one.service.yaml', 'sub/three.service.yaml', 'sub/two.service.yaml'],
  },
  {
    name: 'ignore globs on folders and files',
    files: {
      'govspec.config.yaml': "ignore: ['drafts', '**/*.old.service.yaml']\n",
      'drafts/a.service.yaml': STUB, 'drafts/deep/b.service.yaml': STUB, 'x/c.old.service.yaml': STUB, 'kept.service.yaml': STUB,
      'sub/govspec.config.yaml': "ignore: ['tmp/**']\n", 'sub/tmp/d.service.yaml': STUB, 'sub/e.service.yaml': STUB,
    },
    linted: ['kept.service.yaml', 'sub/e.service.yaml'],
  },
  {
    name: '.gitignore files of the workspace, node_modules always',
    files: { '.gitignore': 'build/\n*.gen.service.yaml\n', 'build/a.service.yaml': STUB, 'x.gen.service.yaml': STUB, 'sub/.gitignore': 'local/\n', 'sub/local/b.service.yaml': STUB, 'kept.service.yaml': STUB, 'node_modules/p/c.service.yaml': STUB },
    linted: ['kept.service.yaml'],
  },
  {
    name: 'a symbolic link to a folder is followed once',
    files: { 'real/one.service.yaml': STUB },
    prepare: (root) => fs.symlinkSync(path.join(root, 'real'), path.join(root, 'link')),
    linted: ['link/one.service.yaml'],
  },
  {
    name: 'a sibling checkout with a broken config is not read',
    files: { 'a/one.service.yaml': SERVICE, 'b/govspec.config.yaml': 'rules: [broken\n', 'b/two.service.yaml': SERVICE },
    prepare: git('a', 'b'),
    paths: ['a'],
    linted: ['a/one.service.yaml'],
  },
  {
    name: 'YAML that is not GovSpec is passed over',
    files: { 'docker-compose.yml': 'services:\n  web: { image: nginx\n', 'other.yaml': 'key: value\n', 'one.service.yaml': STUB },
    linted: ['one.service.yaml'],
  },
  {
    name: 'two checkouts side by side are two workspaces',
    files: { 'a/one.service.yaml': SERVICE, 'a/two.service.yaml': SERVICE, 'b/three.service.yaml': SERVICE },
    prepare: git('a', 'b'),
    linted: ['a/one.service.yaml', 'a/two.service.yaml', 'b/three.service.yaml'],
  },
  {
    name: 'a code failing its own sub-folder config\'s pattern neither defines nor collides',
    files: { 'one.service.yaml': SERVICE, 'x/govspec.config.yaml': "codePatterns:\n  implementationCode: '[0-9]{22}'\n", 'x/two.service.yaml': SERVICE },
    linted: ['one.service.yaml', 'x/two.service.yaml'],
    absent: ['service/duplicate-code'],
  },
  {
    name: 'a file in UTF-16 that is not open is decoded as the CLI decodes it (one decoder)',
    files: { 'one.service.yaml': STUB },
    prepare: (root) => fs.writeFileSync(path.join(root, 'wide.service.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICE, 'utf16le')])),
    linted: ['one.service.yaml', 'wide.service.yaml'],
  },
];

/** A finding as both hosts can say it: file, rule, 1-based start and end. */
type Key = string;
const keyOf = (file: string, rule: string, l: number, c: number, el: number, ec: number): Key => `${file} ${rule} ${l}:${c}-${el}:${ec}`;

function cliFindings(root: string, paths: string[]): Key[] {
  const r = govspec(root, ['lint', '-f', 'json', '--today', FIXTURE_TODAY, '--locale', 'en', '--no-progress', '--no-error-on-unmatched-pattern', ...paths]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return jsonOf(r).results.map((f) => {
    const e = f as typeof f & { endLine: number; endColumn: number };
    return keyOf(f.file, f.ruleId, f.line, f.column, e.endLine, e.endColumn);
  }).sort();
}

/** Diagnostics by URI, as a client shows them: pushed after "lint workspace", or pulled for the workspace. */
type Shown = (client: TestClient) => Promise<Iterable<[string, Diagnostic[]]>>;

const pushedAfterLintWorkspace: Shown = async (client) => {
  await client.request(LintWorkspaceRequest.method, undefined);
  await client.server.settled();
  return client.diagnostics;
};

/** LSP 3.17: no file is open, every one is reported by the first `workspace/diagnostic` (after the index is ready). */
const pulledForTheWorkspace: Shown = async (client) => {
  const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
  return report.items.map((i): [string, Diagnostic[]] => [i.uri, i.kind === 'full' ? i.items : []]);
};

async function editorFindings(c: Case, shown: Shown = pushedAfterLintWorkspace): Promise<{ root: string; keys: Key[] }> {
  const client = await TestClient.start(c.files, 'en', c.prepare, { pull: shown === pulledForTheWorkspace });
  try {
    const keys: Key[] = [];
    for (const [uri, diagnostics] of await shown(client)) {
      const file = path.relative(client.root, fileURLToPath(uri)).split(path.sep).join('/');
      for (const d of diagnostics) keys.push(keyOf(file, String(d.code), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1));
    }
    return { root: client.root, keys: keys.sort() };
  } finally {
    // The CLI then runs on the same files: they are kept from the client's clean-up.
    const root = client.root;
    const copy = `${root}-cli`;
    fs.cpSync(root, copy, { recursive: true, verbatimSymlinks: true });
    await client.dispose();
    fs.renameSync(copy, root);
  }
}

describe('the editor and the CLI lint the same files with the same findings (shared fixture workspaces)', function () {
  this.timeout(60_000);
  before(ensureBuilt);

  for (const [how, shown] of [['lint workspace', pushedAfterLintWorkspace], ['closed files pulled', pulledForTheWorkspace]] as const) {
    for (const c of CASES) {
      it(`${c.name} (${how})`, async () => {
        const { root, keys } = await editorFindings(c, shown);
        try {
          const paths = c.paths ?? ['.'];
          const below = (key: Key) => paths.some((p) => p === '.' || key.startsWith(`${p}/`));
          const editor = keys.filter(below);
          assert.ok(editor.length > 0, 'the editor reported something');
          const cli = cliFindings(root, paths);
          assert.deepEqual([...new Set(cli.map((k) => k.split(' ')[0]))].sort(), [...c.linted].sort(), 'the CLI lints the expected files');
          assert.deepEqual(editor, cli);
          for (const rule of c.absent ?? []) assert.ok(!cli.some((k) => k.split(' ')[1] === rule), `no ${rule}: ${cli.join('; ')}`);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      });
    }
  }
});

describe('the editor follows changes of the workspace model', function () {
  this.timeout(60_000);

  it('a config that becomes root: true takes its folder out of the outer workspace', async () => {
    const client = await TestClient.start({ 'govspec.config.yaml': 'extends: recommended\n', 'one.service.yaml': SERVICE, 'sub/two.service.yaml': SERVICE }, 'en');
    try {
      // The outer file is the one to watch: the copy must leave the outer index, not only join the new one.
      const before = await client.open('one.service.yaml');
      assert.ok(before.some((d) => d.code === 'service/duplicate-code'), 'one workspace: the copy is a duplicate');
      const uri = client.uri('one.service.yaml');
      const after = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'service/duplicate-code'));
      await client.writeOnDisk('sub/govspec.config.yaml', 'root: true\n');
      assert.ok(!(await after).some((d) => d.code === 'service/duplicate-code'));
    } finally {
      await client.dispose();
    }
  });

  it('a .git appearing under a folder makes it a workspace of its own, and going makes it part again', async () => {
    const client = await TestClient.start({ 'a/one.service.yaml': SERVICE, 'a/b/two.service.yaml': SERVICE }, 'en');
    const duplicate = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'service/duplicate-code');
    try {
      const watched = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as { watchers: { globPattern: string }[] } | undefined;
      assert.ok(watched?.watchers.some((w) => w.globPattern === '**/.git'), 'the client is asked to watch .git entries');
      assert.ok(duplicate(await client.open('a/one.service.yaml')), 'one workspace: the copy in a/b is a duplicate');
      const uri = client.uri('a/one.service.yaml');
      const apart = client.waitForDiagnostics(uri, (p) => !duplicate(p.diagnostics));
      fs.mkdirSync(path.join(client.root, 'a/b/.git'));
      await client.changedOnDisk('a/b/.git', 'created');
      assert.ok(!duplicate(await apart), 'a/b is a workspace of its own: no duplicate across');
      const together = client.waitForDiagnostics(uri, (p) => duplicate(p.diagnostics));
      fs.rmSync(path.join(client.root, 'a/b/.git'), { recursive: true });
      await client.changedOnDisk('a/b/.git', 'deleted');
      assert.ok(duplicate(await together), 'the .git gone: one workspace again');
    } finally {
      await client.dispose();
    }
  });

  it('a sub-folder config whose pattern the copy fails takes the copy out of the duplicates', async () => {
    const client = await TestClient.start({ 'one.service.yaml': SERVICE, 'sub/two.service.yaml': SERVICE }, 'en');
    try {
      const before = await client.open('one.service.yaml');
      assert.ok(before.some((d) => d.code === 'service/duplicate-code'), 'one workspace: the copy is a duplicate');
      const uri = client.uri('one.service.yaml');
      const after = client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'service/duplicate-code'));
      await client.writeOnDisk('sub/govspec.config.yaml', "codePatterns:\n  implementationCode: '[0-9]{22}'\n");
      assert.ok(!(await after).some((d) => d.code === 'service/duplicate-code'));
    } finally {
      await client.dispose();
    }
  });
});
