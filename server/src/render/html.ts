/**
 * The few primitives every page is built from. Document values reach HTML only through `esc` (text and attribute
 * values alike: it escapes both quote kinds), so a name such as `<script>` or `" onerror=` is shown, never run.
 */
import type { Locale } from '../engine';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Text inside an inline `<script>`: JSON with `<`, `>`, `&` and the JS line separators escaped, so `</script>` cannot close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** What a page needs from its host: the webview's resource origin (`webview.cspSource`) and a fresh nonce. */
export interface PageSecurity { nonce: string; cspSource: string }

/** The strict policy of every page: nothing remote, scripts and styles only with the nonce. */
export function contentSecurityPolicy({ nonce, cspSource }: PageSecurity): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:`;
}

export interface PageParts extends PageSecurity {
  locale: Locale;
  title: string;
  styles: readonly string[];
  body: string;
  scripts: readonly string[];
}

/** A complete HTML document; a nonce that is not plain base64/hex would break the policy, so it is refused. */
export function htmlDocument(p: PageParts): string {
  if (!/^[A-Za-z0-9+/=_-]{8,}$/.test(p.nonce)) throw new Error('render: the nonce must be at least 8 base64 characters');
  // Inlined code is ours or a library's, never document data; a closing tag inside it would still end the element early.
  if ([...p.styles, ...p.scripts].some((code) => /<\/(script|style)/i.test(code))) throw new Error('render: inlined code holds a closing tag');
  const styles = p.styles.map((css) => `<style nonce="${p.nonce}">${css}</style>`).join('\n');
  const scripts = p.scripts.map((js) => `<script nonce="${p.nonce}">${js}</script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${p.locale === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(p))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
${styles}
</head>
<body>
${p.body}
${scripts}
</body>
</html>
`;
}

/** Safe to show as a link: only http(s) URLs, anything else is shown as text. */
export function linkOrText(url: unknown): string {
  if (typeof url !== 'string') return '';
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(url)}</a>` : esc(url);
}
