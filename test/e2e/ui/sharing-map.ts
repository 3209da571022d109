// The data-sharing map as the UI session sees it: the webview's page is found among the page's frames (VS Code
// nests a webview two iframes deep) by the `window.govspecMap` the page exposes, and read from there.
import type { Frame } from '../code-server/playwright';
import type { UiSession } from '../code-server/ui-session';

const T = Number(process.env.GOVSPEC_E2E_UI_TIMEOUT ?? 30_000);
const POLL_MS = 100;

/** What the tests compare across an edit. `marker` is set on the page's window by the test: a reload loses it. */
export interface MapState {
  marker: string | null;
  zoom: number;
  pan: { x: number; y: number };
  selected: string[];
  expanded: string[];
  painted: number;
  nodes: string[];
  edges: { id: string; source: string; target: string }[];
}

const STATE = `(() => {
  const m = window.govspecMap, cy = m.cy;
  return {
    marker: window.__govspecE2eMarker ?? null,
    zoom: cy.zoom(), pan: cy.pan(),
    selected: cy.$(':selected').map((el) => el.id()).sort(),
    expanded: m.expanded(),
    painted: Number(document.getElementById('govspec-map').getAttribute('data-painted')),
    nodes: cy.nodes().map((n) => n.id()).sort(),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
  };
})()`;

/** Polls `probe` until it gives a value (not undefined), with the session's deadline. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + T;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${T} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The frame of the open map page, once it has drawn. */
export function mapFrame(ui: UiSession): Promise<Frame> {
  const drawn = `!!(window.govspecMap && Number(document.getElementById('govspec-map').getAttribute('data-painted')) > 0)`;
  return until(`a drawn map among the page's frames`, async () => {
    for (const frame of ui.page.frames()) {
      // A frame of another origin, or one being torn down, answers with an error.
      if (await frame.evaluate<boolean>(drawn).catch(() => false)) return frame;
    }
    return undefined;
  });
}

export function mapState(frame: Frame): Promise<MapState> {
  return frame.evaluate<MapState>(STATE);
}

/** Where an element of the map is drawn, in the page's coordinates (for the mouse). */
export async function whereDrawn(frame: Frame, id: string): Promise<{ x: number; y: number }> {
  const box = await frame.locator('#govspec-map').boundingBox({ timeout: T });
  if (!box) throw new Error('the map canvas is not drawn');
  const at = await frame.evaluate<{ x: number; y: number } | null>(
    `(() => { const el = window.govspecMap.cy.getElementById(${JSON.stringify(id)}); return el.empty() ? null : el.renderedPosition(); })()`);
  if (!at) throw new Error(`${id} is not drawn`);
  return { x: box.x + at.x, y: box.y + at.y };
}

/**
 * Waits until `condition` (an expression over `window.govspecMap`, `m`) holds in the map's page. Polled from here:
 * the page's CSP forbids the eval that Playwright's waitForFunction needs.
 */
export async function waitInMap(frame: Frame, condition: string): Promise<void> {
  await until(condition, async () => (await frame.evaluate<boolean>(`(() => { const m = window.govspecMap; return !!(${condition}); })()`)) || undefined);
}
