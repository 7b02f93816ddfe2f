// The preview webview's script. It owns the toolbar and the frame; the extension owns
// rendering. Message shapes are defined in client/src/preview/messages.ts.
// The email's document arrives already sanitised; this script only displays it, outlines
// findings inside it and keeps links in it from navigating.
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const body = document.body;
  const strings = JSON.parse(body.dataset.strings || '{}');
  let state = vscode.getState() || JSON.parse(body.dataset.state || '{}');
  let render = null;

  const $ = (id) => document.getElementById(id);
  const frame = $('frame');
  const widths = { 'desktop-600': '600px', 'desktop-800': '800px', mobile: '375px', free: '100%' };

  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));
  }

  function saveState(notify) {
    vscode.setState(state);
    if (notify) {
      vscode.postMessage({ type: 'setState', state });
    }
  }

  function applyToolbar() {
    $('width').value = state.width;
    for (const button of document.querySelectorAll('button.theme')) {
      button.setAttribute('aria-pressed', String(button.dataset.theme === state.theme));
    }
    for (const button of document.querySelectorAll('button.tab')) {
      button.setAttribute('aria-selected', String(button.dataset.view === state.view));
    }
    $('sample').checked = state.useSampleData;
    $('mask').checked = state.maskPhi;

    frame.style.width = widths[state.width] || '600px';
    body.classList.toggle('dark', state.theme === 'dark');
    $('frame-wrap').hidden = state.view !== 'rendered';
    $('text').hidden = state.view !== 'text';
    $('source').hidden = state.view !== 'source';
    applyTheme();
  }

  function applyTheme() {
    const doc = frame.contentDocument;
    if (doc && doc.documentElement) {
      doc.documentElement.classList.toggle('presend-dark', state.theme === 'dark');
    }
  }

  function showBlocked(blocked) {
    const parts = [];
    if (blocked.images) parts.push(`${blocked.images} ${strings.images}`);
    if (blocked.fonts) parts.push(`${blocked.fonts} ${strings.fonts}`);
    if (blocked.other) parts.push(`${blocked.other} ${strings.otherRemote}`);
    if (blocked.insecure) parts.push(`${blocked.insecure} ${strings.insecure}`);
    $('blocked').hidden = parts.length === 0;
    $('blocked-text').textContent = format(strings.blockedNotice, parts.join(', '));
    $('allow-remote').hidden = body.dataset.allowRemote === 'true';
  }

  function showErrors(errors, stale) {
    const list = $('error-list');
    list.replaceChildren();
    for (const error of errors) {
      const item = document.createElement('li');
      item.textContent = `${error.line > 0 ? `${error.line}: ` : ''}${error.tagName ? `<${error.tagName}> ` : ''}${error.message}`;
      list.append(item);
    }
    $('errors').hidden = errors.length === 0 && !stale;
    $('stale').hidden = !stale;
  }

  function showFindings(findings) {
    const list = $('finding-list');
    list.replaceChildren();
    for (const finding of findings) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `finding severity-${finding.severity}`;
      const where = finding.file ? `${finding.file}:${finding.line}` : `${finding.line}`;
      button.textContent = `${where} ${finding.message} (${finding.ruleId})${finding.anchor ? '' : ` ${strings.unplaced}`}`;
      button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', finding: finding.index }));
      button.addEventListener('mouseenter', () => highlightAnchor(finding.anchor, true));
      button.addEventListener('mouseleave', () => highlightAnchor(finding.anchor, false));
      item.append(button);
      list.append(item);
    }
    $('findings').hidden = findings.length === 0;
    $('finding-count').textContent = `(${findings.length})`;
  }

  function anchorElements(doc, anchor) {
    return doc.querySelectorAll(`[data-presend-finding="${anchor}"], .presend-finding-${anchor}`);
  }

  function highlightAnchor(anchor, on) {
    const doc = frame.contentDocument;
    if (!anchor || !doc) return;
    for (const element of anchorElements(doc, anchor)) {
      element.classList.toggle('presend-hl-active', on);
      if (on) element.scrollIntoView({ block: 'nearest' });
    }
  }

  // Runs after each frame load: the frame has no scripts, so this script does the work in it.
  function decorateFrame() {
    const doc = frame.contentDocument;
    if (!doc || !render) return;
    applyTheme();

    const byAnchor = new Map();
    for (const finding of render.findings) {
      if (!finding.anchor) continue;
      if (!byAnchor.has(finding.anchor)) byAnchor.set(finding.anchor, []);
      byAnchor.get(finding.anchor).push(finding);
    }
    const rank = { error: 3, warning: 2, info: 1 };
    for (const [anchor, findings] of byAnchor) {
      const worst = findings.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
      for (const element of anchorElements(doc, anchor)) {
        element.classList.add('presend-hl', `presend-hl-${worst.severity}`);
        element.setAttribute('title', findings.map((f) => `${f.message} (${f.ruleId})`).join('\n'));
        element.dataset.presendReveal = String(worst.index);
      }
    }

    doc.addEventListener('click', (event) => {
      const target = event.target instanceof doc.defaultView.Element ? event.target : null;
      const marked = target && target.closest('[data-presend-reveal]');
      if (target && target.closest('a, area, form, button')) {
        event.preventDefault();
      }
      if (marked) {
        event.preventDefault();
        vscode.postMessage({ type: 'reveal', finding: Number(marked.dataset.presendReveal) });
      }
    });
    doc.addEventListener('submit', (event) => event.preventDefault());
    fitHeight();
  }

  function fitHeight() {
    const doc = frame.contentDocument;
    if (doc && doc.documentElement) {
      frame.style.height = `${Math.max(200, doc.documentElement.scrollHeight)}px`;
    }
  }

  function showRender(next) {
    render = next;
    $('empty').hidden = true;
    if (next.srcdoc !== null) {
      frame.srcdoc = next.srcdoc;
    }
    $('text').textContent = next.text === null ? strings.noPlainText : next.text;
    if (next.source !== null) {
      $('source').textContent = next.source;
    }
    showBlocked(next.blocked);
    showErrors(next.errors, next.srcdoc === null);
    showFindings(next.findings);
    $('timings').textContent = format(strings.timings, Math.round(next.timings.compileMs), Math.round(next.timings.presendMs));
  }

  frame.addEventListener('load', decorateFrame);
  window.addEventListener('resize', fitHeight);

  $('width').addEventListener('change', (event) => {
    state = { ...state, width: event.target.value };
    applyToolbar();
    fitHeight();
    saveState(false);
  });
  for (const button of document.querySelectorAll('button.theme')) {
    button.addEventListener('click', () => {
      state = { ...state, theme: button.dataset.theme };
      applyToolbar();
      saveState(false);
    });
  }
  for (const button of document.querySelectorAll('button.tab')) {
    button.addEventListener('click', () => {
      state = { ...state, view: button.dataset.view };
      applyToolbar();
      saveState(false);
    });
  }
  $('sample').addEventListener('change', (event) => {
    state = { ...state, useSampleData: event.target.checked };
    saveState(true);
  });
  $('mask').addEventListener('change', (event) => {
    state = { ...state, maskPhi: event.target.checked };
    saveState(true);
  });
  $('allow-remote').addEventListener('click', () => vscode.postMessage({ type: 'allowRemote' }));
  $('open-settings').addEventListener('click', () => vscode.postMessage({ type: 'openSettings' }));

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message && message.type) {
      case 'render':
        showRender(message.render);
        $('busy').hidden = true;
        break;
      case 'busy':
        $('busy').hidden = !message.busy;
        break;
      case 'failure':
        showErrors([{ line: 0, message: message.message }], true);
        $('busy').hidden = true;
        break;
      case 'state':
        state = message.state;
        applyToolbar();
        saveState(false);
        break;
    }
  });

  applyToolbar();
  const initial = JSON.parse(body.dataset.render || 'null');
  if (initial) {
    showRender(initial);
  }
  saveState(false);
  vscode.postMessage({ type: 'ready' });
})();
