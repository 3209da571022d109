// What a person sees: GovSpec's .vsix (npm run package) installed into code-server, a copy of examples/ opened in
// headless Chromium, and the defective documents checked through the workbench UI: squiggles, the Problems panel
// with rule ids, completion with Chinese labels (also across files), hovers, a quick fix from the light bulb, the
// status-bar item, code lenses and inlay hints of an agreement and a catalogue, "Lint Workspace", and the data-sharing
// map keeping its zoom, pan and selection across an edit (issue 18). Screenshots go to test-artifacts/e2e/govspec-ui/.
// Usage: node --import tsx test/e2e/ui/govspec-ui.ts --vsix govspec.vsix [--workspace DIR]
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from '../code-server/playwright';
import { Checks, UiSession } from '../code-server/ui-session';
import { prepareWorkspace, removeWorkspace } from '../workspace';
import { mapFrame, mapState, waitInMap, whereDrawn, type MapState } from './sharing-map';

const T = Number(process.env.GOVSPEC_E2E_UI_TIMEOUT ?? 30_000);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : undefined;
}

/** The GovSpec status-bar item's text, e.g. `1 0 GovSpec` ($(error) 1 $(warning) 0; icons have no text). */
async function govspecStatus(ui: UiSession, expect: RegExp): Promise<string> {
  await ui.page.locator('.part.statusbar .statusbar-item', { hasText: expect }).first().waitFor({ state: 'visible', timeout: T });
  const items = await ui.statusBar();
  return items.find((t) => expect.test(t)) ?? '';
}

/** Waits until the hover/suggest widgets have finished their fade-in (screenshots otherwise catch them half drawn). */
async function animationsDone(ui: UiSession): Promise<void> {
  await ui.page.waitForFunction(
    `[...document.querySelectorAll('.monaco-hover, .suggest-widget, .action-widget')].every((el) => el.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'))`,
    undefined,
    { timeout: T },
  );
}

const EDITED = 'market-entities-for-hr.agreement.yaml';
const EDGE = `agreements/${EDITED}#0`;
const PROVIDER = '11511602008201018H'; // 市场监督管理局
const CONSUMER_BEFORE = '115116020082010347'; // 人力资源和社会保障局
const CONSUMER_AFTER = '11511602008201026C'; // 民政局

/**
 * Issue 18: an edit updates the open map in place. The map is zoomed with the wheel and an agency selected with a
 * click, a marker is left on the page's window, then the agreement's consumer is changed in the editor and saved;
 * the page must show the new edge with the marker, zoom, pan, expansion, selection and details panel unchanged
 * (a reload of the page would lose the marker and fit the graph to the view again, with nothing selected).
 */
async function mapKeepsItsViewAcrossAnEdit(ui: UiSession, checks: Checks): Promise<void> {
  const edgeTo = (state: MapState) => state.edges.find((e) => e.id.endsWith(EDGE))?.target;
  let frame: Frame | undefined;
  let before: MapState | undefined;
  const details = () => frame!.locator('#govspec-edge-details h3').innerText({ timeout: T });
  await checks.check('the data-sharing map opens beside an agreement and draws its edge', async () => {
    await ui.closePanel();
    await ui.runCommand('View: Toggle Primary Side Bar Visibility'); // room for the map beside the editor
    await ui.quickOpen(EDITED);
    await ui.runCommand('GovSpec: Show Data-Sharing Map');
    frame = await mapFrame(ui);
    const state = await mapState(frame);
    if (edgeTo(state) !== CONSUMER_BEFORE) throw new Error(`edge ${EDGE} goes to ${edgeTo(state)}: ${JSON.stringify(state.edges)}`);
    await ui.screenshot('14-map-open');
    return `${state.nodes.length} nodes, ${state.edges.length} edges, zoom ${state.zoom.toFixed(3)}`;
  });
  await checks.check('the map zooms with the mouse wheel and selects an agency on a click', async () => {
    if (!frame) throw new Error('no map');
    // cytoscape keeps the canvas's offset in the page from its first mouse event until a resize or scroll; the
    // webview's page can still move the canvas after that (its CJK fonts arrive late), so the wheel and the click
    // would land beside what they aim at. resize() forgets the offset and leaves zoom and pan as they are.
    await frame.evaluate('window.govspecMap.cy.resize()');
    const opened = await mapState(frame);
    // Zoomed about the provider (cytoscape zooms about the pointer), which so stays in view to be clicked.
    const node = await whereDrawn(frame, PROVIDER);
    await ui.page.mouse.move(node.x, node.y);
    // One notch of a wheel is 100 px; cytoscape zooms by about 1 % on each (wheelSensitivity 0.3).
    const zoom = () => frame!.evaluate<number>('window.govspecMap.cy.zoom()');
    for (let notch = 0; notch < 200 && (await zoom()) < opened.zoom * 2; notch++) await ui.page.mouse.wheel(0, -100);
    await waitInMap(frame, `m.cy.zoom() >= ${opened.zoom * 2}`);
    const at = await whereDrawn(frame, PROVIDER);
    await ui.page.mouse.click(at.x, at.y);
    await waitInMap(frame, `m.cy.getElementById('${PROVIDER}').selected()`);
    await frame.evaluate(`window.__govspecE2eMarker = 'set before the edit'`);
    before = await mapState(frame);
    if (before.selected.join() !== PROVIDER) throw new Error(`selected: ${before.selected.join()}`);
    await ui.screenshot('15-map-zoomed-selected');
    return `zoom ${opened.zoom.toFixed(3)} → ${before.zoom.toFixed(3)}; selected ${before.selected.join()} (${await details()})`;
  });
  await checks.check('an edit of the agreement, saved, updates the map in place: same page, zoom, pan, expansion and selection, new edge', async () => {
    if (!frame || !before) throw new Error('no zoomed map');
    const heading = await details();
    await ui.focusEditor();
    await ui.gotoPosition(7, 1);
    await ui.page.keyboard.press('Home');
    await ui.page.keyboard.press('Shift+End');
    await ui.page.keyboard.insertText(`consumer: { name: 广安市广安区民政局, uscc: "${CONSUMER_AFTER}" }`);
    await ui.page.keyboard.press('Control+S');
    await ui.page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: EDITED }).waitFor({ timeout: T });
    await ui.page.keyboard.press('Home'); // the screenshot shows the line from its start
    await waitInMap(frame, `m.cy.edges().some((e) => e.id().endsWith(${JSON.stringify(EDGE)}) && e.target().id() === '${CONSUMER_AFTER}')`)
      .catch((e: unknown) => { throw /detached/i.test(String(e)) ? new Error('the page was reloaded: its frame was replaced') : e; });
    const after = await mapState(frame);
    await ui.screenshot('16-map-after-edit');
    const problems: string[] = [];
    if (after.marker !== before.marker) problems.push(`the page was reloaded (marker ${String(after.marker)})`);
    if (Math.abs(after.zoom - before.zoom) > 1e-9) problems.push(`zoom ${before.zoom} → ${after.zoom}`);
    if (Math.abs(after.pan.x - before.pan.x) > 1e-6 || Math.abs(after.pan.y - before.pan.y) > 1e-6) problems.push(`pan ${JSON.stringify(before.pan)} → ${JSON.stringify(after.pan)}`);
    if (after.selected.join() !== before.selected.join()) problems.push(`selection ${before.selected.join()} → ${after.selected.join()}`);
    if (after.expanded.join() !== before.expanded.join()) problems.push(`expansion ${before.expanded.join()} → ${after.expanded.join()}`);
    if (!(after.painted > before.painted)) problems.push(`not redrawn (painted ${before.painted} → ${after.painted})`);
    const shown = await details();
    if (shown !== heading) problems.push(`details panel ${heading} → ${shown}`);
    if (problems.length) throw new Error(problems.join('; '));
    return `edge now → ${edgeTo(after)}; zoom ${after.zoom.toFixed(3)}, pan (${after.pan.x.toFixed(1)}, ${after.pan.y.toFixed(1)}), selected ${after.selected.join()}, expanded ${after.expanded.join()}, painted ${before.painted} → ${after.painted}`;
  });
}

async function main(): Promise<number> {
  const vsix = arg('--vsix');
  if (!vsix || !fs.existsSync(vsix)) {
    console.log(`govspec UI session: --vsix FILE is required (npm run package); got ${vsix ?? 'nothing'}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const given = arg('--workspace');
  const workspace = given ?? prepareWorkspace();
  const t0 = Date.now();
  const ui = await UiSession.start({ workspace, vsix: [vsix], name: 'govspec-ui' });
  const checks = new Checks(ui);
  try {
    await checks.check('open the marriage service (schema/type defect) via Quick Open', () => ui.quickOpen('marriage-registration.service.yaml'));
    await checks.check('an error squiggle under the unquoted 07', async () => {
      const n = await ui.waitForSquiggles('error');
      await ui.screenshot('01-squiggle');
      return `${n} error squiggle(s)`;
    });
    await checks.check('status-bar item counts 1 error, 0 warnings', () => govspecStatus(ui, /(?<!\d)1\s+0\s+GovSpec/));
    await checks.check('Problems panel lists the finding with its rule id', async () => {
      const rows = await ui.openProblems('schema/type');
      await ui.screenshot('02-problems');
      const row = rows.find((r) => r.includes('schema/type')) ?? '';
      if (!/应为字符串/.test(row) || !/\[Ln 7, Col 7\]/.test(row)) throw new Error(`row: ${row}`);
      return rows.join(' | ').replace(/\s+/g, ' ');
    });
    await checks.check('hover on the finding explains it', async () => {
      await ui.closePanel();
      await ui.gotoPosition(7, 7);
      const text = await ui.hover('schema/type');
      await animationsDone(ui);
      await ui.screenshot('03-hover-finding');
      await ui.dismiss();
      return text.replace(/\s+/g, ' ').slice(0, 160);
    });
    await checks.check('light bulb quick fix quotes 07 as "07"; the squiggle and the count go away', async () => {
      await ui.gotoPosition(7, 7);
      const titles = await ui.quickFixes('加引号');
      await animationsDone(ui);
      await ui.screenshot('04-quick-fix-menu');
      await ui.applyQuickFix('加引号："07"');
      await ui.waitForEditorText('type: "07"');
      await ui.page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: T });
      await govspecStatus(ui, /(?<!\d)0\s+0\s+GovSpec/);
      await ui.screenshot('05-after-fix');
      return titles.join(' | ');
    });

    await checks.check('open the food licence service; its cross-file finding is squiggled', async () => {
      await ui.quickOpen('food-business-licence.service.yaml');
      await ui.gotoPosition(43, 18); // reveals line 43: the editor renders only the lines in view
      await ui.screenshot('06-food-squiggle');
      return `${await ui.waitForSquiggles('error')} error squiggle(s)`;
    });
    await checks.check('completion at `type:` lists codes with Chinese labels (01 行政许可)', async () => {
      await ui.gotoPosition(7, 7);
      const labels = await ui.triggerSuggest('01');
      // The detail (the Chinese label) is drawn beside the focused row: move to 01 and read what is shown there.
      await ui.page.keyboard.press('ArrowDown');
      const focused = ui.page.locator('.suggest-widget.visible .monaco-list-row.focused', { hasText: '01' });
      await focused.locator('.details-label', { hasText: '行政许可' }).waitFor({ state: 'visible', timeout: T });
      await animationsDone(ui);
      await ui.screenshot('07-suggest-type');
      await ui.dismiss();
      if (!labels.includes('01') || !labels.includes('07')) throw new Error(`labels: ${labels.join(',')}`);
      return labels.slice(0, 8).join(', ');
    });
    await checks.check('completion at sharing.agreement lists agreement ids of the other files', async () => {
      await ui.gotoPosition(43, 18);
      const labels = await ui.triggerSuggest('GA-MZ-2025-001');
      await animationsDone(ui);
      await ui.screenshot('08-suggest-agreement');
      await ui.dismiss();
      if (!labels.includes('SC-RS-2025-004')) throw new Error(`labels: ${labels.join(',')}`);
      return labels.join(', ');
    });
    await checks.check('hover on the type code shows its label in both languages', async () => {
      await ui.gotoPosition(7, 9);
      const text = await ui.hover('Item type code');
      await animationsDone(ui);
      await ui.screenshot('09-hover-code');
      await ui.dismiss();
      if (!text.includes('行政许可')) throw new Error(text);
      return text.replace(/\s+/g, ' ').slice(0, 120);
    });
    await checks.check('an agreement shows its services in a code lens and its reply deadline and expiry in inlay hints', async () => {
      await ui.quickOpen('household-data-for-market.agreement.yaml');
      await ui.gotoPosition(18, 1); // id (line 4) to application (line 18) in view
      const lens = ui.page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: '1 个事项使用' });
      await lens.first().waitFor({ state: 'visible', timeout: T });
      const line = (hasText: string | RegExp) => ui.page.locator('.editor-instance .monaco-editor .view-line', { hasText }).first();
      await line('答复期限 2023-12-15（10 个工作日）').waitFor({ state: 'visible', timeout: T });
      await line('已过期 330 天').waitFor({ state: 'visible', timeout: T });
      await ui.screenshot('10-agreement-lens-hints');
      return `${await lens.first().innerText()}; hints 答复期限 2023-12-15, 已过期 330 天`;
    });
    await checks.check('a catalogue shows who shares and uses a resource in a code lens, and its provider by name in an inlay hint', async () => {
      await ui.quickOpen('public-security.catalog.yaml');
      await ui.gotoPosition(1, 1);
      const lens = ui.page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: '2 份协议共享 · 4 个事项引用' });
      await lens.first().waitFor({ state: 'visible', timeout: T });
      const line = ui.page.locator('.editor-instance .monaco-editor .view-line', { hasText: /1151160200820100XH"\s*广安市公安局广安区分局/ }).first();
      await line.waitFor({ state: 'visible', timeout: T });
      await ui.screenshot('11-catalog-lens-hints');
      return await lens.first().innerText();
    });
    await checks.check('"GovSpec: Lint Workspace" fills the Problems panel with every finding', async () => {
      await ui.runCommand('GovSpec: Lint Workspace'); // the command opens the Problems panel itself
      await ui.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: T });
      await ui.runCommand('View: Toggle Maximized Panel'); // the list renders only the rows in view: show them all
      await ui.page.locator('.markers-panel .monaco-list-row', { hasText: 'agreement/unshared-resource' }).first().waitFor({ timeout: T });
      await ui.page.locator('.markers-panel .monaco-list-row', { hasText: 'id/uscc' }).first().waitFor({ timeout: T });
      const rows = await ui.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      await ui.screenshot('12-lint-workspace');
      const text = (await ui.page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
      const want = ['agreement/expired', 'agreement/unshared-resource', 'service/shared-material-agreement', 'schema/enum', 'id/uscc', 'service/fee-basis', 'service/resubmitted-shared-data'];
      const missing = want.filter((w) => !text.includes(w));
      if (missing.length) throw new Error(`missing ${missing.join(', ')} in: ${text.slice(0, 400)}`);
      return `${rows.length} rows visible`;
    });
    await checks.check('status bar counts the whole workspace after linting it: 6 errors, 2 warnings (the 9 findings less the fixed one)', () =>
      govspecStatus(ui, /(?<!\d)6\s+2\s+GovSpec/));
    await ui.screenshot('13-final');

    await mapKeepsItsViewAcrossAnEdit(ui, checks);
  } finally {
    console.log(`  screenshots: ${ui.shots.map((s) => path.relative(process.cwd(), s)).join(', ')}`);
    if (ui.consoleErrors.length) console.log(`  page errors: ${ui.consoleErrors.slice(0, 5).join(' | ')}`);
    await ui.close();
    if (!given) removeWorkspace(workspace);
  }
  console.log(`govspec UI session: ${Date.now() - t0} ms`);
  console.log(checks.summary());
  return checks.failed > 0 || checks.passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
