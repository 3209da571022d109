/**
 * The reviewer's report in Chromium: code frames, rule titles, the drill-down by region and agency, the clean
 * state, and a PDF printed by chromium itself. Screenshots and the PDF go to test-artifacts/render/.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { writeHtmlReport } from '../../server/src/cli/commands/report';
import { chromiumPath } from '../e2e/code-server/paths';
import { load, openBrowser, screenshot } from './browser';
import type { Page, RenderBrowser } from './browser';
import { ARTIFACTS, EXAMPLES, TODAY } from './support';

const text = (p: Page, selector: string) => p.locator(selector).first().innerText();
/** playwright's print-media emulation (the e2e helpers' Page type names only what the editors' suites use). */
const emulateMedia = (p: Page, media: 'print' | 'screen') => (p as unknown as { emulateMedia(o: { media: string }): Promise<void> }).emulateMedia({ media });

describe('render: the reviewer report', function () {
  this.timeout(120_000);
  let browser: RenderBrowser;
  const out = path.join(ARTIFACTS, 'report-full.html');

  before(async () => {
    browser = await openBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => { await browser?.session.close(); });

  it('gives every finding a code frame, its rule title and source, and drills down by region and agency', async () => {
    const { report } = writeHtmlReport(['.'], out, { cwd: EXAMPLES, today: TODAY, locale: 'zh-CN' });
    const p = browser.session.page;
    await load(p, out);
    const findings = report.files.reduce((n, f) => n + f.findings.length, 0);
    assert.strictEqual(await p.locator('#findings tr.frame pre.code-frame').count(), findings);
    // The expired agreement's finding: its line marked with '>' and the range underlined.
    const expired = p.locator('#findings tr.finding[data-rule="agreement/expired"]').first();
    assert.match(await expired.innerText(), new RegExp(report.rules.get('agreement/expired')!.summary['zh-CN'].slice(0, 6)));
    const frame = await p.locator('#findings tr.finding[data-rule="agreement/expired"] + tr.frame').first().innerText();
    assert.match(frame, /^> +\d+ \|/m);
    assert.match(frame, /\^/);
    // Charts name rules by their titles, the id beside.
    const ruleBars = await p.evaluate<string[]>("Array.from(document.querySelectorAll('#chart-rule .bar-row')).map(function (r) { return r.getAttribute('data-label'); })");
    assert.ok(ruleBars.length > 0 && ruleBars.every((label) => /\S+ \([a-z]+\/[a-z-]+\)$/.test(label) && !/^[a-z]+\//.test(label)), ruleBars.join(' | '));
    // Drill-down: every finding is listed once under its region and agency, each link lands on its row.
    const links = await p.evaluate<string[]>("Array.from(document.querySelectorAll('#drill-down details.drill-agency a')).map(function (a) { return a.getAttribute('href'); })");
    assert.strictEqual(links.length, findings);
    for (const href of links) assert.strictEqual(await p.locator(`${href.replace(/([/.:])/g, '\\$1')}.finding`).count(), 1, href);
    assert.ok(await p.locator('#drill-down details.drill-region[data-region*="511602"]').count() === 1);
    await screenshot(p, 'report-full.png');
  });

  it('prints to a readable PDF, with the drill-down opened', async () => {
    const pdf = path.join(ARTIFACTS, 'report.pdf');
    fs.rmSync(pdf, { force: true });
    execFileSync(chromiumPath, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(out).href], { stdio: 'ignore', timeout: 90_000 });
    const bytes = fs.readFileSync(pdf);
    assert.strictEqual(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2, `${pages} pages`);
    const p = browser.session.page;
    await load(p, out);
    await emulateMedia(p, 'print');
    assert.strictEqual(await p.locator('.map-toolbar').first().isVisible(), false, 'the toolbar is not printed');
    await p.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    assert.strictEqual(await p.locator('details:not([open])').count(), 0);
    await screenshot(p, 'report-print.png');
    await emulateMedia(p, 'screen');
  });

  it('says clearly when there is nothing to report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-clean-'));
    fs.copyFileSync(path.join(EXAMPLES, 'govspec.config.yaml'), path.join(dir, 'govspec.config.yaml'));
    fs.copyFileSync(path.join(EXAMPLES, 'agencies/guang-an-district.agency.yaml'), path.join(dir, 'guang-an-district.agency.yaml'));
    const file = path.join(ARTIFACTS, 'report-clean.html');
    const { report } = writeHtmlReport(['.'], file, { cwd: dir, today: TODAY, locale: 'en' });
    assert.strictEqual(report.summary.errors + report.summary.warnings + report.summary.infos, 0);
    const p = browser.session.page;
    await load(p, file);
    assert.match(await text(p, '[data-state="clean"]'), /No problems found/);
    assert.strictEqual(await p.locator('#chart-rule').count(), 0);
    assert.strictEqual(await p.locator('#drill-down').count(), 0);
    await screenshot(p, 'report-clean.png');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
