// Drives the code-server workbench in headless Chromium the way a person would: Quick Open, squiggles,
// Problems panel, suggest, hover, quick fix, status bar, screenshots. Every wait is on a DOM condition with
// a timeout; there are no fixed sleeps.
import * as fs from 'fs';
import * as path from 'path';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './launcher';
import { launchBrowser, type BrowserSession, type Page } from './playwright';
import { artifactsDir } from './paths';

const T = Number(process.env.GOVSPEC_E2E_UI_TIMEOUT ?? 30_000);

export interface UiSessionOptions extends CodeServerOptions {
  /** Subfolder of test-artifacts/e2e for this session's screenshots. */
  name?: string;
}

export class UiSession {
  readonly shots: string[] = [];
  readonly consoleErrors: string[] = [];
  private constructor(readonly server: CodeServer, private readonly browser: BrowserSession, readonly shotDir: string) {}

  get page(): Page {
    return this.browser.page;
  }

  /** Starts code-server (installing any .vsix), a browser, and opens the workspace folder. */
  static async start(opts: UiSessionOptions): Promise<UiSession> {
    const server = await startCodeServer(opts);
    let browser: BrowserSession | undefined;
    try {
      browser = await launchBrowser();
      const shotDir = path.join(artifactsDir, opts.name ?? 'ui');
      fs.rmSync(shotDir, { recursive: true, force: true }); // only this run's screenshots
      fs.mkdirSync(shotDir, { recursive: true });
      const s = new UiSession(server, browser, shotDir);
      browser.page.on('pageerror', (e) => s.consoleErrors.push(e.message));
      await s.openFolder(opts.workspace);
      return s;
    } catch (e) {
      await browser?.close();
      await server.stop();
      throw e;
    }
  }

  async openFolder(folder: string): Promise<void> {
    await this.page.goto(this.server.workbenchUrl(folder), { timeout: 60_000, waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  /** Quick Open (Ctrl+P): type a file name, pick it, wait for its editor tab to be active. */
  async quickOpen(fileName: string): Promise<void> {
    await this.page.locator('.monaco-workbench').click({ timeout: T }).catch(() => undefined);
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.type(fileName);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first();
    await row.waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: T });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: T });
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  }

  /** Runs a command from the Command Palette (F1) by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.type(title);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
  }

  /** Waits for at least one squiggle of the given kind in the active editor; returns how many are shown. */
  async waitForSquiggles(kind: 'error' | 'warning' | 'info' | 'any' = 'any', timeout = T): Promise<number> {
    const kinds = kind === 'any' ? ['error', 'warning', 'info'] : [kind];
    const loc = this.page.locator(kinds.map((k) => `.editor-instance .monaco-editor .squiggly-${k}`).join(', '));
    await loc.first().waitFor({ state: 'attached', timeout });
    return loc.count();
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based line and column. */
  async gotoPosition(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: T });
    await this.page.waitForFunction(
      `(() => { const el = [...document.querySelectorAll('.statusbar-item')].find(e => /Ln \\d+, Col \\d+/.test(e.textContent || '')); return el && el.textContent.includes('Ln ${line}, Col ${column}'); })()`,
      undefined,
      { timeout: T },
    );
  }

  async focusEditor(): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ timeout: T });
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows once one contains `expect`. */
  async openProblems(expect?: string): Promise<string[]> {
    await this.page.keyboard.press('Control+Shift+M');
    const rows = this.page.locator('.markers-panel .monaco-list-row', expect ? { hasText: expect } : undefined);
    await rows.first().waitFor({ state: 'visible', timeout: T });
    return this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  }

  async closePanel(): Promise<void> {
    await this.page.keyboard.press('Control+J');
    await this.page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: T });
  }

  /** Triggers suggest (Ctrl+Space) at the cursor and returns the visible rows' labels. */
  async triggerSuggest(expectLabel?: string): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row', expectLabel ? { hasText: expectLabel } : undefined);
    await rows.first().waitFor({ state: 'visible', timeout: T });
    return this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
  }

  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it contains `expect`. */
  async hover(expect?: string): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', expect ? { hasText: expect } : undefined).first();
    await hover.waitFor({ state: 'visible', timeout: T });
    return hover.innerText();
  }

  /** Waits for the light bulb at the cursor line, opens quick fixes (Ctrl+.), returns their titles. */
  async quickFixes(expectTitle?: string): Promise<string[]> {
    // The light bulb is a content widget or, when there is room, a gutter glyph (codicon-gutter-lightbulb-*); Playwright's :visible skips the hidden one.
    const bulb = ['.lightBulbWidget', '.codicon[class*="lightbulb"]']
      .map((c) => `.editor-instance .monaco-editor ${c}:visible`)
      .join(', ');
    await this.page.locator(bulb).first().waitFor({ state: 'visible', timeout: T });
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action', expectTitle ? { hasText: expectTitle } : undefined);
    await rows.first().waitFor({ state: 'visible', timeout: T });
    return this.page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
  }

  /** Applies the quick fix with this title from the open quick-fix menu (keyboard: the menu focuses row 1). */
  async applyQuickFix(title: string): Promise<void> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const titles = await rows.allInnerTexts();
    const index = titles.findIndex((t) => t.includes(title));
    if (index < 0) throw new Error(`no quick fix "${title}" in: ${titles.join(' | ')}`);
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.locator('.action-widget .monaco-list-row.action.focused', { hasText: title }).waitFor({ timeout: T });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: T });
  }

  /** Text of the status bar items; waits until one contains `expect`. */
  async statusBar(expect?: string | RegExp): Promise<string[]> {
    const items = this.page.locator('.part.statusbar .statusbar-item', expect ? { hasText: expect } : undefined);
    await items.first().waitFor({ state: 'visible', timeout: T });
    return (await this.page.locator('.part.statusbar .statusbar-item').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /** Text of the active editor (as rendered). */
  async editorText(): Promise<string> {
    return this.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
  }

  /** Waits until the rendered editor text satisfies pred. */
  async waitForEditorText(contains: string, timeout = T): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines', { hasText: contains }).first().waitFor({ timeout });
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.shotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    this.shots.push(file);
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.stop();
  }
}

/** A tiny check recorder so UI scripts end with `N passed, N failed`. */
export class Checks {
  passed = 0;
  failed = 0;
  /** With a session, a failing check leaves a screenshot `fail-N.png`. */
  constructor(private readonly ui?: UiSession) {}
  async check(name: string, fn: () => Promise<string | void>): Promise<boolean> {
    const t0 = Date.now();
    try {
      const info = await fn();
      this.passed++;
      console.log(`  ok   ${name} (${Date.now() - t0} ms)${info ? ': ' + info : ''}`);
      return true;
    } catch (e) {
      this.failed++;
      const shot = await this.ui?.screenshot(`fail-${this.failed}`).catch(() => undefined);
      if (shot) console.log(`  (screenshot ${shot})`);
      console.log(`  FAIL ${name} (${Date.now() - t0} ms): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return false;
    }
  }
  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}
