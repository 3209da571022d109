/**
 * Shared page style. Colours come from VS Code's theme variables, so a webview follows the user's theme; each has a
 * fallback for the standalone report, which a browser opens without them.
 */
export const THEME_CSS = `
:root {
  --fg: var(--vscode-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --panel: var(--vscode-sideBar-background, #f6f8fa);
  --accent: var(--vscode-textLink-foreground, #0969da);
  --error: var(--vscode-editorError-foreground, #cf222e);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --ok: var(--vscode-testing-iconPassed, #1a7f37);
  --font: var(--vscode-font-family, system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif);
}
* { box-sizing: border-box; }
body { margin: 0; padding: 16px 24px; color: var(--fg); background: var(--bg); font-family: var(--font); font-size: 14px; line-height: 1.55; }
h1 { font-size: 1.5em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
.muted { color: var(--muted); }
.code { font-family: var(--vscode-editor-font-family, ui-monospace, Consolas, monospace); font-size: 0.92em; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; border: 1px solid var(--border); font-size: 0.85em; white-space: nowrap; }
.sev-error { color: var(--error); border-color: var(--error); }
.sev-warning { color: var(--warning); border-color: var(--warning); }
.sev-info { color: var(--info); border-color: var(--info); }
.findings { list-style: none; margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--warning); background: var(--panel); }
.findings li { margin: 2px 0; }
.findings .rule { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: 0.85em; }
[data-open-file] { cursor: pointer; }
@media print {
  body { color: #000; background: #fff; padding: 0; }
  a { color: #000; }
  .no-print { display: none !important; }
  section, tr, figure { break-inside: avoid; }
}
`;
