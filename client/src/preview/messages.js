"use strict";
/**
 * The messages the preview webview and the extension exchange, and the state the webview
 * keeps across reloads. No `vscode` import: the webview HTML builder and the tests use it too.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.PREVIEW_THEMES = exports.PREVIEW_WIDTHS = exports.PREVIEW_VIEWS = void 0;
exports.isPreviewState = isPreviewState;
exports.isPreviewMessage = isPreviewMessage;
exports.PREVIEW_VIEWS = ['rendered', 'text', 'source'];
exports.PREVIEW_WIDTHS = ['desktop-600', 'desktop-800', 'mobile', 'free'];
exports.PREVIEW_THEMES = ['light', 'dark'];
function isPreviewState(value) {
    if (!isRecord(value)) {
        return false;
    }
    return ((value.uri === null || typeof value.uri === 'string') &&
        exports.PREVIEW_VIEWS.includes(value.view) &&
        exports.PREVIEW_WIDTHS.includes(value.width) &&
        exports.PREVIEW_THEMES.includes(value.theme) &&
        typeof value.useSampleData === 'boolean' &&
        typeof value.maskPhi === 'boolean');
}
/** Checks a message from the webview before the extension acts on it. */
function isPreviewMessage(value) {
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
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=messages.js.map