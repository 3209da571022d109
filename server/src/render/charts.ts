/** Horizontal bar charts as inline SVG: no chart library, nothing to load, and they print as sharp as text. */
import { esc } from './html';

export interface Bar { label: string; value: number; cls?: string }

const WIDTH = 640;
const LABEL = 250;
const BAR_HEIGHT = 18;
const GAP = 6;
/** Characters that fit in the label column at 12px; the full text is in the bar's tooltip. */
const MAX_LABEL = 34;
/** Beyond this many bars the rest are summed into one, so a chart over 5,000 agencies stays readable. */
export const MAX_BARS = 15;

/** Sorted descending; the tail beyond MAX_BARS becomes one "others" bar. */
export function topBars(counts: ReadonlyMap<string, number>, othersLabel: string): Bar[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label, value]) => ({ label, value }));
  if (sorted.length <= MAX_BARS) return sorted;
  const rest = sorted.slice(MAX_BARS - 1).reduce((n, b) => n + b.value, 0);
  return [...sorted.slice(0, MAX_BARS - 1), { label: othersLabel, value: rest }];
}

export function barChart(title: string, bars: readonly Bar[], id: string): string {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + GAP);
  const rows = bars.map((b, i) => {
    const y = i * (BAR_HEIGHT + GAP);
    const w = Math.max(1, Math.round(((WIDTH - LABEL - 60) * b.value) / max));
    const label = b.label.length > MAX_LABEL ? `${b.label.slice(0, MAX_LABEL - 1)}…` : b.label;
    return `<g class="bar-row" data-label="${esc(b.label)}" data-value="${b.value}"><title>${esc(b.label)}: ${b.value}</title>
<text x="${LABEL - 8}" y="${y + BAR_HEIGHT - 5}" text-anchor="end" class="bar-label">${esc(label)}</text>
<rect x="${LABEL}" y="${y}" width="${w}" height="${BAR_HEIGHT}" rx="2" class="bar ${esc(b.cls ?? '')}"></rect>
<text x="${LABEL + w + 6}" y="${y + BAR_HEIGHT - 5}" class="bar-value">${b.value}</text></g>`;
  });
  return `<figure class="chart" id="${esc(id)}"><figcaption>${esc(title)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(title)}">${rows.join('')}</svg></figure>`;
}

export const CHART_CSS = `
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px 24px; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.chart svg { max-width: 100%; height: auto; }
.bar { fill: var(--accent); }
.bar.sev-error { fill: var(--error); }
.bar.sev-warning { fill: var(--warning); }
.bar.sev-info { fill: var(--info); }
.bar-label, .bar-value { fill: var(--fg); font-size: 12px; font-family: var(--font); }
`;
