import type { PreviewRender, PreviewState, PreviewStrings } from './messages';

/**
 * The preview webview's document. Pure, so the content security policy and the frame's
 * sandbox can be tested without VS Code.
 *
 * The email itself never becomes part of this document: the webview script puts the
 * sanitised copy into a sandboxed `<iframe srcdoc>`. The sandbox leaves out `allow-scripts`,
 * so nothing in the email runs. It keeps `allow-same-origin` so that the preview's own script
 * can reach into the frame to outline findings. The frame cannot use that origin itself,
 * because it runs no scripts. A srcdoc document inherits this document's policy, so the policy below also
 * governs what the email may load.
 */

export interface PreviewHtmlInput {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  /** Let the email load `https:` images, fonts and stylesheets. */
  allowRemote: boolean;
  state: PreviewState;
  scriptUri: string;
  styleUri: string;
  strings: PreviewStrings;
  /** The latest render, shown as soon as the script starts. */
  render?: PreviewRender;
  /** BCP 47 language of the strings. */
  language?: string;
}

export const FRAME_SANDBOX = 'allow-same-origin';

export function contentSecurityPolicy(input: Pick<PreviewHtmlInput, 'nonce' | 'cspSource' | 'allowRemote'>): string {
  const remote = input.allowRemote ? ' https:' : '';
  return [
    `default-src 'none'`,
    `img-src ${input.cspSource} data:${remote}`,
    `style-src ${input.cspSource} 'unsafe-inline'${remote}`,
    `font-src ${input.cspSource} data:${remote}`,
    `script-src 'nonce-${input.nonce}'`,
  ].join('; ');
}

export function buildPreviewHtml(input: PreviewHtmlInput): string {
  const { strings: t, state } = input;
  const pressed = (on: boolean) => `aria-pressed="${on}"`;
  const selected = (on: boolean) => (on ? ' selected' : '');
  const checked = (on: boolean) => (on ? ' checked' : '');
  const tab = (view: PreviewState['view'], label: string) =>
    `<button type="button" role="tab" class="tab" data-view="${view}" aria-selected="${state.view === view}">${escape(label)}</button>`;

  return `<!DOCTYPE html>
<html lang="${escape(input.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(input))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(input.styleUri)}">
<title>Presend</title>
</head>
<body data-state="${escape(JSON.stringify(state))}" data-strings="${escape(JSON.stringify(t))}" data-render="${escape(JSON.stringify(input.render ?? null))}" data-allow-remote="${input.allowRemote}">
<header class="toolbar">
  <select id="width" aria-label="${escape(t.desktop)}">
    <option value="desktop-600"${selected(state.width === 'desktop-600')}>${escape(t.desktop)} 600px</option>
    <option value="desktop-800"${selected(state.width === 'desktop-800')}>${escape(t.desktop)} 800px</option>
    <option value="mobile"${selected(state.width === 'mobile')}>${escape(t.mobile)} 375px</option>
    <option value="free"${selected(state.width === 'free')}>${escape(t.freeWidth)}</option>
  </select>
  <span class="group">
    <button type="button" class="theme" data-theme="light" ${pressed(state.theme === 'light')}>${escape(t.light)}</button>
    <button type="button" class="theme" data-theme="dark" ${pressed(state.theme === 'dark')}>${escape(t.dark)}</button>
  </span>
  <span class="group" role="tablist">${tab('rendered', t.rendered)}${tab('text', t.plainText)}${tab('source', t.htmlSource)}</span>
  <label><input type="checkbox" id="sample"${checked(state.useSampleData)}> ${escape(t.sampleData)}</label>
  <label><input type="checkbox" id="mask"${checked(state.maskPhi)}> ${escape(t.maskPhi)}</label>
  <span id="busy" class="busy" hidden>${escape(t.rendering)}</span>
</header>
<section id="blocked" class="notice" role="status" hidden>
  <span id="blocked-text"></span>
  <button type="button" id="allow-remote">${escape(t.allowRemote)}</button>
  <button type="button" id="open-settings" class="link">${escape(t.openSettings)}</button>
</section>
<section id="errors" class="errors" role="alert" hidden>
  <h2>${escape(t.errorsTitle)}</h2>
  <p id="stale" hidden>${escape(t.staleNotice)}</p>
  <ul id="error-list"></ul>
</section>
<details id="findings" class="findings" hidden>
  <summary>${escape(t.findingsTitle)} <span id="finding-count"></span></summary>
  <ul id="finding-list"></ul>
</details>
<main>
  <p id="empty" class="empty"${input.render || state.uri ? ' hidden' : ''}>${escape(t.noTemplate)}</p>
  <div id="frame-wrap" class="frame-wrap"><iframe id="frame" sandbox="${FRAME_SANDBOX}" title="${escape(t.rendered)}"></iframe></div>
  <pre id="text" class="text" hidden></pre>
  <pre id="source" class="source" hidden></pre>
</main>
<footer id="timings" class="timings"></footer>
<script nonce="${escape(input.nonce)}" src="${escape(input.scriptUri)}"></script>
</body>
</html>`;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

