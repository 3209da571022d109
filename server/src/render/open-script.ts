/**
 * Browser-side glue shared by the pages: a click on anything carrying `data-open-file` asks the host to open that
 * file at a 0-based line. Inside VS Code the webview API carries the message; in a standalone page, where there is
 * no host, the element's own link (if any) is followed instead.
 */
export const OPEN_SCRIPT = `
(function () {
  var api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  window.govspecHost = {
    inEditor: !!api,
    open: function (file, line) { if (api) api.postMessage({ type: 'open', file: file, line: line }); }
  };
  document.addEventListener('click', function (event) {
    var el = event.target && event.target.closest ? event.target.closest('[data-open-file]') : null;
    if (!el || !api) return;
    event.preventDefault();
    window.govspecHost.open(el.getAttribute('data-open-file'), Number(el.getAttribute('data-open-line')) || 0);
  });
})();
`;
