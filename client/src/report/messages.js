"use strict";
/**
 * Messages from the report webview to the extension. No `vscode` import, so tests can use it.
 * The report is rendered by the extension; the webview only sends clicks back.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.isReportMessage = isReportMessage;
function isReportMessage(value) {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const message = value;
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
//# sourceMappingURL=messages.js.map