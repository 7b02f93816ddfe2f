/**
 * Everything the Presend client and server exchange besides standard LSP, in one place.
 * Types only: both sides import this file, and it must stay free of runtime imports.
 */

/** `presend/render` (client → server request): render a template for the preview. */
export const RenderRequestMethod = 'presend/render';

export interface RenderParams {
  uri: string;
  /** Fill merge tags from the `previewData` JSON file when the template names one. */
  useSampleData: boolean;
  /** Replace values of PHI-class fields with a mask in the preview. */
  maskPhi: boolean;
}

export interface RenderedFinding {
  ruleId: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** Source range in the template (or an include, see `uri`), zero-based LSP coordinates. */
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Id of the element marked in the rendered HTML with `data-presend-finding`, if it could be located. */
  anchor?: string;
}

export interface RenderResult {
  uri: string;
  /** Document version the render was made from. */
  version: number;
  /** Compiled HTML, null when the template could not be compiled at all. */
  html: string | null;
  /** The plain-text part a sender would generate from the HTML. */
  text: string | null;
  /** MJML errors and warnings, with 1-based lines as MJML reports them. */
  errors: { line: number; message: string; tagName?: string }[];
  findings: RenderedFinding[];
  /** Milliseconds spent compiling, and in Presend's own work (sample data, text part, markers). */
  timings: { compileMs: number; presendMs: number };
}

/** `presend/templateInfo` (client → server request): what the status bar item shows. */
export const TemplateInfoRequestMethod = 'presend/templateInfo';

export interface TemplateInfoParams {
  uri: string;
}

export interface TemplateInfo {
  uri: string;
  category: 'transactional' | 'marketing' | 'fundraising';
  categorySource: 'directive' | 'config' | 'inferred' | 'default';
  counts: { error: number; warning: number; info: number };
  /** The `list` the template links to, resolved to a path, when it has one. */
  listPath?: string;
}

/** `presend/verifyList` (client → server request): verify a recipient list CSV. */
export const VerifyListRequestMethod = 'presend/verifyList';

export interface VerifyListParams {
  /** URI of the CSV, or of a template whose `list` names it. */
  uri: string;
}

/** `presend/gate` (client → server request): run the pre-send check for a template. */
export const GateRequestMethod = 'presend/gate';

export interface GateParams {
  uri: string;
  /** Checks the user chose to override, each with the reason they typed. */
  overrides: { checkId: string; reason: string }[];
}

/** `presend/didChangeFindings` (server → client notification): a document's findings changed. */
export const FindingsChangedNotificationMethod = 'presend/didChangeFindings';

export interface FindingsChangedParams {
  uri: string;
  version: number;
}

/**
 * One check of the pre-send gate, or a list-level finding of a list verification, as the
 * report panel shows it. Sent by the server in `GateResult` and `VerifyListResult`.
 */
export interface CheckOutcome {
  /** Stable id; an override names the check by it. */
  id: string;
  title: string;
  /** `overridden`: failed, and the user overrode it with a reason (see `GateParams.overrides`). */
  status: 'pass' | 'fail' | 'warn' | 'overridden' | 'skipped';
  /** The reason for the status, in one sentence. */
  reason: string;
  /** The change that makes the check pass. */
  fix?: string;
  /** Location of the problem: a range in a template, an include or a CSV (a CSV line is a range on that line). */
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
  /** True when a failure may be overridden with a reason. */
  overridable: boolean;
  /** The reason the user gave, when `status` is `overridden`. */
  overrideReason?: string;
  /** For the gate's `list` check: rows per verdict, which the report charts. */
  verdicts?: { ok: number; review: number; exclude: number };
}

/** The result of `presend/gate`. */
export interface GateResult {
  /** The template checked. */
  uri: string;
  /** `pass` when no check failed; overridden checks count as passed. */
  verdict: 'pass' | 'fail';
  checks: CheckOutcome[];
}

/** A row of a recipient list that needs attention, in `VerifyListResult.problems`. */
export interface ListProblemRow {
  /** 1-based physical line in the CSV where the row starts. */
  line: number;
  /** The address cell as written. */
  email: string;
  verdict: 'review' | 'exclude';
  /** Reason ids (see core/list/types.ts `ReasonId`). */
  reasons: string[];
  /** The reasons in words, one sentence. */
  reason: string;
  /** The action for the row, such as the suggested address for a typo. */
  fix?: string;
}

/** The result of `presend/verifyList`. The client cancels the request with `$/cancelRequest`. */
export interface VerifyListResult {
  /** The CSV verified (resolved from the template's `list` when the request named a template). */
  uri: string;
  rows: number;
  verdicts: { ok: number; review: number; exclude: number };
  /** Rows per reason id. */
  reasons: Record<string, number>;
  /** Things about the file a person should know (encoding fallback, ragged rows). */
  notices: string[];
  /** Rows with verdict `review` or `exclude`, in file order, cut off after a limit the server sets. */
  problems: ListProblemRow[];
  /** True when `problems` was cut off; the counts still cover every row. */
  truncated: boolean;
  /** List-level findings (PHI columns, missing merge fields, no consent column). */
  checks: CheckOutcome[];
}

/** The client's `initializationOptions` in `initialize`. */
export interface PresendInitializationOptions {
  /** `vscode.workspace.isTrusted`; the client restarts the server when trust is granted. */
  trusted: boolean;
}
