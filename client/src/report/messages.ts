/**
 * Messages from the report webview to the extension. No `vscode` import, so tests can use it.
 * The report is rendered by the extension; the webview only sends clicks back.
 */

export type FromReportMessage =
  /** Reveal the location with this index in `reportLocations(model)`. */
  | { type: 'reveal'; location: number }
  /** Override the failing check with this id. The extension prompts for the reason. */
  | { type: 'override'; checkId: string }
  | { type: 'rerun' };

export function isReportMessage(value: unknown): value is FromReportMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'reveal':
      return typeof message.location === 'number' && Number.isInteger(message.location) && message.location >= 0;
    case 'override':
      return typeof message.checkId === 'string' && message.checkId.length > 0;
    case 'rerun':
      return true;
    default:
      return false;
  }
}
