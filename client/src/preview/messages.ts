/**
 * The messages the preview webview and the extension exchange, and the state the webview
 * keeps across reloads. No `vscode` import: the webview HTML builder and the tests use it too.
 */

export type PreviewView = 'rendered' | 'text' | 'source';
export type PreviewWidth = 'desktop-600' | 'desktop-800' | 'mobile' | 'free';
export type PreviewTheme = 'light' | 'dark';

export const PREVIEW_VIEWS: readonly PreviewView[] = ['rendered', 'text', 'source'];
export const PREVIEW_WIDTHS: readonly PreviewWidth[] = ['desktop-600', 'desktop-800', 'mobile', 'free'];
export const PREVIEW_THEMES: readonly PreviewTheme[] = ['light', 'dark'];

/** Toolbar state, saved with `setState` and handed back by the panel serializer. */
export interface PreviewState {
  /** The template shown, or null before one was chosen. */
  uri: string | null;
  view: PreviewView;
  width: PreviewWidth;
  theme: PreviewTheme;
  useSampleData: boolean;
  maskPhi: boolean;
}

/** Remote references taken out of the email because remote content is not allowed. */
export interface BlockedCounts {
  images: number;
  fonts: number;
  /** Stylesheets and CSS `url()` references other than fonts. */
  other: number;
  /** Plain `http:` references, blocked even when remote content is allowed. */
  insecure: number;
}

export interface PreviewFinding {
  /** Index into the render's findings; what a `reveal` message names. */
  index: number;
  ruleId: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
  anchor?: string;
  /** 1-based line, for the list under the toolbar. */
  line: number;
  /** File name when the finding is in an include rather than the template. */
  file?: string;
}

export interface PreviewRender {
  fileName: string;
  version: number;
  /** Sanitised document for the frame; null keeps the last good render on screen. */
  srcdoc: string | null;
  text: string | null;
  /** The compiled HTML without Presend's markers, for the HTML source view. */
  source: string | null;
  errors: { line: number; message: string; tagName?: string }[];
  findings: PreviewFinding[];
  blocked: BlockedCounts;
  timings: { compileMs: number; presendMs: number };
}

/** Extension → webview. */
export type ToWebviewMessage =
  | { type: 'render'; render: PreviewRender }
  | { type: 'busy'; busy: boolean }
  /** The render request failed; the message is already localised. */
  | { type: 'failure'; message: string }
  | { type: 'state'; state: PreviewState };

/** Webview → extension. */
export type FromWebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; finding: number }
  | { type: 'setState'; state: PreviewState }
  | { type: 'allowRemote' }
  | { type: 'openSettings' };

/** Strings the webview shows, localised by the extension. */
export interface PreviewStrings {
  desktop: string;
  mobile: string;
  freeWidth: string;
  light: string;
  dark: string;
  rendered: string;
  plainText: string;
  htmlSource: string;
  sampleData: string;
  maskPhi: string;
  /** `{0}` is replaced with the list of what was blocked. */
  blockedNotice: string;
  allowRemote: string;
  openSettings: string;
  images: string;
  fonts: string;
  otherRemote: string;
  insecure: string;
  errorsTitle: string;
  staleNotice: string;
  findingsTitle: string;
  noTemplate: string;
  rendering: string;
  noPlainText: string;
  unplaced: string;
  /** `{0}`, `{1}`: compile and Presend milliseconds. */
  timings: string;
}

export function isPreviewState(value: unknown): value is PreviewState {
  if (!isRecord(value)) {
    return false;
  }
  return (
    (value.uri === null || typeof value.uri === 'string') &&
    PREVIEW_VIEWS.includes(value.view as PreviewView) &&
    PREVIEW_WIDTHS.includes(value.width as PreviewWidth) &&
    PREVIEW_THEMES.includes(value.theme as PreviewTheme) &&
    typeof value.useSampleData === 'boolean' &&
    typeof value.maskPhi === 'boolean'
  );
}

/** Checks a message from the webview before the extension acts on it. */
export function isPreviewMessage(value: unknown): value is FromWebviewMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
    case 'allowRemote':
    case 'openSettings':
      return true;
    case 'reveal':
      return typeof value.finding === 'number' && Number.isInteger(value.finding) && value.finding >= 0;
    case 'setState':
      return isPreviewState(value.state);
    default:
      return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
