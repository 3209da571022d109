/**
 * Chromium for the render tests, through the e2e helpers (playwright-core from .cache/e2e, Debian's chromium).
 * A missing browser is a failure with the command that installs it, never a silent skip.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromiumPath, e2eCache } from '../e2e/code-server/paths';
import { launchBrowser } from '../e2e/code-server/playwright';
import type { BrowserSession, Page } from '../e2e/code-server/playwright';
import { ARTIFACTS } from './support';

export type { Page };

export function assertBrowserInstalled(): void {
  const missing = [
    fs.existsSync(chromiumPath) ? undefined : `chromium at ${chromiumPath}`,
    fs.existsSync(path.join(e2eCache, 'node_modules', 'playwright-core')) ? undefined : `playwright-core in ${e2eCache}/node_modules`,
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`render browser tests need ${missing.join(' and ')}: run \`bash test/e2e/install.sh\` (or set CHROMIUM / GOVSPEC_E2E_CACHE)`);
  }
}

export interface RenderBrowser { session: BrowserSession; errors: string[] }

/** One browser for a suite; page errors and CSP violations are collected so a test can assert there were none. */
export async function openBrowser(): Promise<RenderBrowser> {
  assertBrowserInstalled();
  const session = await launchBrowser({ width: 1360, height: 900 });
  const errors: string[] = [];
  session.page.on('pageerror', (e) => errors.push(e.message));
  session.page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { session, errors };
}

export async function load(page: Page, file: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Mocha hooks for a suite sharing one browser: opened before, closed after, and no page error in a passing test. */
export function browserSuite(): () => RenderBrowser {
  let browser: RenderBrowser | undefined;
  before(async () => { browser = await openBrowser(); });
  after(async () => { await browser?.session.close(); });
  beforeEach(() => { browser!.errors.length = 0; });
  afterEach(function () {
    if (this.currentTest?.state === 'passed') assert.deepStrictEqual(browser!.errors, [], 'no script error and no CSP violation');
  });
  return () => browser!;
}
