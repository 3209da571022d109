/**
 * Runs the CI integrations as their hosts would, on this machine: the composite action's steps (action.yml) with
 * bash -eo pipefail as GitHub runs them, the GitLab template's script with the job's variables, and the shell blocks
 * of docs/ci.md — all read from the files themselves, never copied. Expressions `${{ … }}` are evaluated for the
 * few contexts the action uses; anything else is an error, so the harness cannot silently model something else.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import YAML from 'yaml';
import { REPO_ROOT } from './packed';

export interface Shell { status: number | null; stdout: string; stderr: string }

export function bash(script: string, cwd: string, env: NodeJS.ProcessEnv, flags = ['-eo', 'pipefail']): Shell {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-step-')), 'step.sh');
  fs.writeFileSync(file, script);
  const r = spawnSync('bash', ['--noprofile', '--norc', ...flags, file], { cwd, env, encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A spec repository outside the checkout: the examples, committed on a known date. */
export function specRepository(commitDate: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-specs-'));
  fs.cpSync(path.join(REPO_ROOT, 'examples'), dir, { recursive: true });
  const git = (...args: string[]): void => {
    const r = spawnSync('git', ['-c', 'user.name=Spec Author', '-c', 'user.email=author@example.org', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: `${commitDate}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${commitDate}T10:00:00+08:00` },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'specs');
  return dir;
}

// ---- the composite action --------------------------------------------------------------------------------------

interface ActionStep { id?: string; name?: string; if?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string; with?: Record<string, string> }
export interface ActionFile { inputs: Record<string, { default?: string; description: string }>; runs: { using: string; steps: ActionStep[] } }

export const readAction = (): ActionFile => YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionFile;

export interface ActionRun {
  /** 0, or the exit code of the first step that failed. */
  status: number;
  failedStep: string | undefined;
  outputs: Record<string, Record<string, string>>;
  /** The `uses:` steps that would have run, with their resolved `with:`. */
  uses: { uses: string; with: Record<string, string> }[];
  log: string;
}

function readOutputs(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  return Object.fromEntries(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/**
 * Runs action.yml's steps in `workspace`. `afterStep` may change a step's outputs (to stand in a failing CLI).
 */
export function runAction(inputs: Record<string, string>, workspace: string, env: NodeJS.ProcessEnv, afterStep?: (id: string, outputs: Record<string, string>) => void): ActionRun {
  const action = readAction();
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-runner-'));
  const outputs: Record<string, Record<string, string>> = {};
  const run: ActionRun = { status: 0, failedStep: undefined, outputs, uses: [], log: '' };
  const context = (expr: string): string => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return values[m[1]] ?? '';
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return outputs[m[1]]?.[m[2]] ?? '';
    if (expr === 'github.action_path') return REPO_ROOT;
    if (expr === 'runner.temp') return runnerTemp;
    throw new Error(`the harness does not know the expression ${expr}`);
  };
  const evaluate = (expr: string): string | boolean => {
    const terms = expr.split('&&').map((t) => t.trim());
    if (terms.length > 1) return terms.every((t) => evaluate(t) === true);
    if (expr === 'always()') return true;
    const cmp = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(expr);
    if (cmp) return (context(cmp[1].trim()) === cmp[3]) === (cmp[2] === '==');
    return context(expr);
  };
  const substitute = (text: string): string => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => String(evaluate(expr)));
  const condition = (step: ActionStep): boolean => {
    const expr = step.if?.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
    const always = expr?.includes('always()') ?? false;
    if (run.status !== 0 && !always) return false;
    return expr === undefined ? true : evaluate(expr) === true;
  };
  for (const [index, step] of action.runs.steps.entries()) {
    if (!condition(step)) continue;
    if (step.uses) {
      run.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
      continue;
    }
    if (step.shell !== 'bash') throw new Error(`step ${step.name}: the harness runs bash steps only`);
    const id = step.id ?? `step${index}`;
    const outputFile = path.join(runnerTemp, `${id}.output`);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))]));
    const r = bash(substitute(step.run ?? ''), workspace, {
      ...env, ...stepEnv, GITHUB_OUTPUT: outputFile, GITHUB_PATH: path.join(runnerTemp, 'path'), GITHUB_ACTION_PATH: REPO_ROOT, RUNNER_TEMP: runnerTemp,
    });
    run.log += r.stdout + r.stderr;
    outputs[id] = readOutputs(outputFile);
    afterStep?.(id, outputs[id]);
    if (r.status !== 0 && run.status === 0) {
      run.status = r.status ?? -1;
      run.failedStep = step.name;
    }
  }
  return run;
}

// ---- the GitLab template ---------------------------------------------------------------------------------------

export interface GitlabJob { variables: Record<string, string>; script: string[]; artifacts: { reports: Record<string, string> } }

export const readGitlabTemplate = (): Record<string, GitlabJob> =>
  YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'ci/govspec.gitlab-ci.yml'), 'utf8')) as Record<string, GitlabJob>;

/** The `.govspec` job's script as the GitLab runner's bash runs it (-eo pipefail), with its variables overridden. */
export function runGitlabJob(variables: Record<string, string>, projectDir: string, env: NodeJS.ProcessEnv): Shell {
  const job = readGitlabTemplate()['.govspec'];
  for (const name of Object.keys(variables)) if (!(name in job.variables) && !name.startsWith('CI_')) throw new Error(`the template has no variable ${name}`);
  return bash(job.script.join('\n'), projectDir, { ...env, ...job.variables, CI_PROJECT_DIR: projectDir, ...variables });
}

// ---- docs/ci.md ------------------------------------------------------------------------------------------------

/** The fenced blocks of a language in docs/ci.md, in order. */
export function docBlocks(language: string): string[] {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
  return [...doc.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm'))].map((m) => m[1]);
}
