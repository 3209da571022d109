// playwright-core is installed in .cache/e2e (not a project dependency), so it is loaded from there at run
// time and typed here with just the surface the e2e helpers use.
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { chromiumPath, e2eCache, tmpRoot } from './paths';

export interface ConsoleMessage { text(): string; type(): string }
export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, opts?: { delay?: number }): Promise<void>;
  /** Inserts text as one input event (no key presses, so the editor auto-closes no bracket or quote). */
  insertText(text: string): Promise<void>;
}
export interface Mouse {
  move(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  wheel(deltaX: number, deltaY: number): Promise<void>;
}
export interface Locator {
  first(): Locator;
  nth(i: number): Locator;
  count(): Promise<number>;
  waitFor(opts?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(opts?: { timeout?: number }): Promise<void>;
  hover(opts?: { timeout?: number }): Promise<void>;
  innerText(opts?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, opts?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  /** In the main frame's viewport, also for an element inside nested frames. */
  boundingBox(opts?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
}
/** A frame of the page, e.g. a webview's (VS Code nests each webview's page two iframes deep). */
export interface Frame {
  url(): string;
  evaluate<T = unknown>(expression: string): Promise<T>;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
}
export interface Page {
  frames(): Frame[];
  goto(url: string, opts?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' | 'commit' }): Promise<unknown>;
  on(event: 'console', fn: (m: ConsoleMessage) => void): void;
  on(event: 'close' | 'crash', fn: () => void): void;
  on(event: 'pageerror', fn: (e: Error) => void): void;
  locator(selector: string, opts?: { hasText?: string | RegExp }): Locator;
  waitForSelector(selector: string, opts?: { timeout?: number; state?: 'attached' | 'visible' | 'hidden' }): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, opts?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  evaluate<T = unknown>(expression: string): Promise<T>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<Buffer>;
  isClosed(): boolean;
  keyboard: Keyboard;
  mouse: Mouse;
}
export interface BrowserContext { pages(): Page[]; newPage(): Promise<Page>; close(): Promise<void> }
interface Chromium {
  launchPersistentContext(dir: string, opts: Record<string, unknown>): Promise<BrowserContext>;
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

function loadChromium(): Chromium {
  const req = createRequire(path.join(e2eCache, 'package.json'));
  try {
    return (req('playwright-core') as { chromium: Chromium }).chromium;
  } catch (e) {
    throw new Error(`playwright-core not found in ${e2eCache}: run bash test/e2e/install.sh (${String(e)})`);
  }
}

export interface BrowserSession { context: BrowserContext; page: Page; close(): Promise<void> }

/** Debian's chromium, headless, with a fresh profile that is deleted on close. */
export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<BrowserSession> {
  fs.mkdirSync(tmpRoot, { recursive: true });
  const profile = fs.mkdtempSync(path.join(tmpRoot, 'chromium-'));
  const context = await loadChromium().launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport,
    timeout: 60_000,
    // chromium writes crash reports under XDG_CONFIG_HOME whatever the profile: keep them in the profile too
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
