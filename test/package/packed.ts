/**
 * The packed tarball, made once per test run and installed once into a folder outside the checkout, offline, with
 * an empty npm cache: what a user gets from `npm pack` and `npm install ./govspec-<version>.tgz`. The package tests
 * and the CI smoke test share it, so the pack (which builds, through `prepare`) and the install happen once.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

export interface Installed {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** A folder outside the checkout whose node_modules holds the installed package and nothing else. */
  prefix: string;
  /** The environment to run npm, npx and the CLI with: no npm_* settings of an enclosing `npm test`, offline. */
  env: NodeJS.ProcessEnv;
}

let installed: Installed | undefined;

/** The environment of this process without the npm_* variables an enclosing `npm test` sets, offline. */
function npmEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'NODE_PATH') env[key] = value;
  return {
    ...env,
    HOME: home,
    npm_config_cache: path.join(home, 'npm-cache'),
    npm_config_userconfig: path.join(home, 'npmrc'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Packs the checkout (once) and installs the tarball offline into a new folder under the system's temp folder. */
export function packAndInstall(): Installed {
  if (installed) return installed;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-package-'));
  const home = path.join(work, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, 'npmrc'), '');
  const env = npmEnv(home);
  // The build that `prepare` runs prints to standard output too, so the tarball is found by its name, not in --json.
  execFileSync('npm', ['pack', '--pack-destination', work], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = path.join(work, fs.readdirSync(work).filter((name) => name.endsWith('.tgz'))[0]);
  const prefix = path.join(work, 'project');
  fs.mkdirSync(prefix);
  fs.writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'spec-repository', private: true }));
  execFileSync('npm', ['install', '--offline', tarball], { cwd: prefix, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return (installed = { tarball, prefix, env });
}
