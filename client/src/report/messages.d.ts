/**
 * Messages from the report webview to the extension. No `vscode` import, so tests can use it.
 * The report is rendered by the extension; the webview only sends clicks back.
 */
export type FromReportMessage = 
/** Reveal the location with this index in `reportLocations(model)`. */
{
    type: 'reveal';
    location: number;
}
/** Override the failing check with this id; the extension asks for the reason. */
 | {
    type: 'override';
    checkId: string;
} | {
    type: 'rerun';
};
export declare function isReportMessage(value: unknown): value is FromReportMessage;
