/**
 * Positions for the sharing map, computed here rather than by a force layout in the page: columns by level
 * (national at the left), rows by region (in code order, so a province's counties sit together), and within each
 * cell a small grid. Linear in the number of agencies, so 5,000 agencies place instantly and the page only draws.
 */
import type { AgencyNode } from './sharing-graph';

/** Wide enough for a name label (about ten characters) under each node, tall enough for edge labels between rows. */
const GAP_X = 170;
const GAP_Y = 90;
const CELL_PADDING = 80;
/** Room at the left for the region headings. */
const LABEL_WIDTH = 220;

type Unplaced = Omit<AgencyNode, 'x' | 'y'>;

/** Undefined (unknown level or region) sorts last. */
const order = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b));

export function layoutAgencies(agencies: readonly Unplaced[]): { nodes: AgencyNode[]; levels: { code: string | undefined; x: number }[]; regions: { code: string | undefined; y: number }[]; headingX: number } {
  const levels = [...new Set(agencies.map((a) => a.level))].sort(order);
  const regions = [...new Set(agencies.map((a) => a.region))].sort(order);
  const cells = new Map<string, Unplaced[]>();
  for (const a of [...agencies].sort((x, y) => x.name.localeCompare(y.name) || x.uscc.localeCompare(y.uscc))) {
    const key = `${a.level}\u0000${a.region}`;
    const list = cells.get(key);
    if (list) list.push(a); else cells.set(key, [a]);
  }
  // One grid width for every cell (the square root of the largest), so columns line up.
  const largest = Math.max(1, ...[...cells.values()].map((c) => c.length));
  const perRow = Math.max(1, Math.ceil(Math.sqrt(largest)));
  const columnWidth = (perRow - 1) * GAP_X + CELL_PADDING * 2;
  const rowHeights = regions.map((r) => Math.max(1, ...levels.map((l) => Math.ceil((cells.get(`${l}\u0000${r}`)?.length ?? 0) / perRow))) * GAP_Y + CELL_PADDING);

  const nodes: AgencyNode[] = [];
  let y = 0;
  const regionRows = regions.map((region, r) => {
    levels.forEach((level, c) => {
      (cells.get(`${level}\u0000${region}`) ?? []).forEach((a, i) => {
        nodes.push({ ...a, x: LABEL_WIDTH + c * columnWidth + (i % perRow) * GAP_X, y: y + Math.floor(i / perRow) * GAP_Y });
      });
    });
    const row = { code: region, y };
    y += rowHeights[r];
    return row;
  });
  // A level heading sits over the middle of its column; a region heading ends just left of the first column.
  return { nodes, levels: levels.map((code, c) => ({ code, x: LABEL_WIDTH + c * columnWidth + ((perRow - 1) * GAP_X) / 2 })), regions: regionRows, headingX: LABEL_WIDTH - 60 };
}
