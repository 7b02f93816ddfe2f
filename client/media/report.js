// The report webview's script: it sends clicks on links and buttons back to the extension,
// which owns every action. Message shapes: client/src/report/messages.ts.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;

    const link = target.closest('[data-reveal]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', location: Number(link.getAttribute('data-reveal')) });
      return;
    }
    const override = target.closest('[data-override]');
    if (override) {
      vscode.postMessage({ type: 'override', checkId: override.getAttribute('data-override') });
      return;
    }
    if (target.closest('[data-rerun]')) {
      vscode.postMessage({ type: 'rerun' });
    }
  });
})();
