/** Layout of the service guide: readable width, the material badges, and the process drawn as connected steps. */
export const GUIDE_CSS = `
main { max-width: 980px; }
.guide-header { margin-bottom: 16px; }
.guide-section { margin: 0 0 22px; }
.guide-section h3 { font-size: 1em; margin: 12px 0 4px; }
table.info th { width: 11em; }
.badge.object { margin: 0 4px 4px 0; }
.shared-badge { color: var(--ok); border-color: var(--ok); font-weight: 600; }
.commitment-badge { color: var(--accent); border-color: var(--accent); font-weight: 600; }
table.materials th, table.materials td:nth-child(3), table.materials td:nth-child(5) { white-space: nowrap; }
table.materials td:first-child { width: 2.5em; }
table.materials td:nth-child(4) { width: 46%; }
tr.material.shared { background: color-mix(in srgb, var(--ok) 7%, transparent); }
.shared-origin dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 6px 0 0; font-size: 0.92em; }
.shared-origin dt { color: var(--muted); }
.shared-origin dd { margin: 0; }
ol.steps { list-style: none; display: flex; flex-wrap: wrap; gap: 12px 34px; padding: 0; margin: 8px 0; counter-reset: none; }
.step { position: relative; min-width: 150px; max-width: 240px; padding: 10px 12px 10px 44px; border: 1px solid var(--border); border-radius: 8px; background: var(--panel); }
.step:not(:last-child)::after { content: "→"; position: absolute; right: -26px; top: 50%; transform: translateY(-50%); color: var(--muted); font-size: 1.3em; }
.step .num { position: absolute; left: 10px; top: 10px; width: 24px; height: 24px; border-radius: 50%; background: var(--accent); color: var(--bg); text-align: center; line-height: 24px; font-weight: 600; font-size: 0.9em; }
.step-name { font-weight: 600; }
.step-limit { color: var(--warning); font-size: 0.9em; }
.step-standard { font-size: 0.88em; }
.limit { font-weight: 600; }
@media print { .step { background: #fff; } }
`;
