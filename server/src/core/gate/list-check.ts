import * as fs from 'node:fs';
import type { UserConfig } from '../config/types';
import { needsOptOut } from '../engine/category';
import type { CategoryDecision } from '../engine/rule';
import type { DnsResolver } from '../dns/resolver';
import { EmailColumnError, ListInputError, verifyList, type ListCategory, type ListFinding, type ListSummary, type ReasonId } from '../list/index';
import type { Directive, TemplateModel } from '../model/types';
import { isSenderAddressTag } from '../rules/support/postal-address';
import { isUnsubscribeTag, unsubscribeTagSet } from '../rules/support/unsubscribe';
import { displayPath, locationOf } from './location';
import { agree, counted } from './plural';
import type { GateCheck, GateLocation } from './types';

/**
 * The `list` check: the recipient list the template is sent to, verified row by row. The
 * list is the send list, so any row verification would exclude fails the check; rows to
 * review warn.
 */

export interface ListCheckInput {
  /** Absolute path of the list, from the directive or a config override; absent when none is named. */
  listPath?: string;
  /** Absolute path of the suppression list, when one is named. */
  suppressionPath?: string;
  model: TemplateModel;
  category: CategoryDecision;
  authorization?: 'documented';
  user: UserConfig;
  workspaceRoot: string;
  /** Set when DNS is on: rows' domains are checked for MX records too. */
  resolver?: DnsResolver;
  signal?: AbortSignal;
}

export async function listCheck(input: ListCheckInput): Promise<GateCheck> {
  const { listPath, workspaceRoot } = input;
  const where = directiveLocation(input.model.directive, 'list');

  if (!listPath) {
    if (needsOptOut(input.category)) {
      return {
        id: 'list',
        status: 'warn',
        message: `The template names no recipient list, so the recipients of this ${input.category.category} mail were not verified.`,
        fix: 'Add "list: path/to/list.csv" to the template\'s presend directive (relative to the template), or set "list" in a config override.',
      };
    }
    return { id: 'list', status: 'skipped', message: 'The template names no recipient list.', fix: 'Add "list: path/to/list.csv" to the template\'s presend directive to verify the recipients.' };
  }

  const shown = displayPath(workspaceRoot, listPath);
  if (!isFile(listPath)) {
    return { id: 'list', status: 'fail', message: `The recipient list ${shown} does not exist.`, fix: 'Correct the list path in the directive (it is relative to the template), or add the file.', ...optional(where) };
  }
  if (input.suppressionPath && !isFile(input.suppressionPath)) {
    return {
      id: 'list',
      status: 'fail',
      message: `The suppression list ${displayPath(workspaceRoot, input.suppressionPath)} does not exist, so unsubscribed recipients cannot be left out.`,
      fix: 'Correct the suppression path in the directive (it is relative to the template), or export the ESP\'s suppression list to that file.',
      ...optional(directiveLocation(input.model.directive, 'suppression')),
    };
  }

  const tally = { exclude: new Map<ReasonId, number>(), review: new Map<ReasonId, number>(), firstExclude: 0, firstReview: 0 };
  let summary: ListSummary;
  try {
    const report = await verifyList(
      { path: listPath },
      {
        template: { category: listCategory(input.category), authorization: input.authorization, mergeFields: recipientFields(input.model, input.user) },
        suppression: input.suppressionPath ? { path: input.suppressionPath } : undefined,
        dns: input.resolver ? { resolver: input.resolver } : false,
        collectRows: false,
        onRow: (row) => {
          if (row.verdict === 'ok') return;
          const counts = tally[row.verdict];
          for (const reason of row.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
          if (row.verdict === 'exclude' && tally.firstExclude === 0) tally.firstExclude = row.line;
          if (row.verdict === 'review' && tally.firstReview === 0) tally.firstReview = row.line;
        },
      },
      undefined,
      input.signal,
    );
    summary = report.summary;
  } catch (error) {
    if (error instanceof ListInputError || error instanceof EmailColumnError) {
      // Messages name the absolute path; the report names paths relative to the workspace.
      const message = error.message.split(listPath).join(shown);
      return { id: 'list', status: 'fail', message: `The recipient list could not be verified: ${message}`, fix: 'Fix the list file as the message says, then run the gate again.' };
    }
    throw error;
  }

  const { rows, verdicts } = summary;
  // The report view charts the verdicts, so every outcome from here on carries them.
  const withChart = (check: GateCheck): GateCheck => ({ ...check, verdicts: { ...verdicts } });
  const findings = summary.listFindings.map(describeFinding);
  const notes = [
    ...findings,
    ...(summary.suppressionAddresses === 0 ? [`the suppression list ${displayPath(workspaceRoot, input.suppressionPath ?? '')} contains no addresses, so nothing was suppressed`] : []),
    ...(summary.dnsUnknown > 0 ? [`${counted(summary.dnsUnknown, 'row')} ${agree(summary.dnsUnknown, 'was', 'were')} judged without DNS because the lookup did not answer`] : []),
  ];
  const extra = notes.length > 0 ? ` Also: ${notes.join('; ')}.` : '';

  // Rows the parser could not read were never verified, yet the ESP may import them.
  if (summary.skippedRecords > 0) {
    return withChart({
      id: 'list',
      status: 'fail',
      message: `${shown} was not fully verified: ${counted(summary.skippedRecords, 'record')} could not be read (a quote that is never closed) and ${agree(summary.skippedRecords, 'was', 'were')} skipped, so ${agree(summary.skippedRecords, 'its rows were', 'their rows were')} not checked.${extra}`,
      fix: `Run "presend verify-list ${shown}": its notices name the line where each unreadable record starts. Close or remove the stray quote, then run the gate again.`,
    });
  }
  if (verdicts.exclude > 0) {
    return withChart({
      id: 'list',
      status: 'fail',
      message: `${shown}: ${verdicts.exclude} of ${counted(rows, 'row')} must not be sent to (${byReason(tally.exclude)})${verdicts.review > 0 ? `, and ${verdicts.review} ${agree(verdicts.review, 'needs', 'need')} review (${byReason(tally.review)})` : ''}.${extra}`,
      fix: `Remove the excluded rows before sending: "presend verify-list ${shown} --out DIR" writes sendable.csv without them. The first is on line ${tally.firstExclude}.`,
      location: { path: listPath, line: tally.firstExclude, column: 1 },
    });
  }
  if (verdicts.review > 0 || notes.length > 0) {
    return withChart({
      id: 'list',
      status: 'warn',
      message: `${shown}: ${counted(rows, 'row')}, none excluded${verdicts.review > 0 ? `; ${verdicts.review} ${agree(verdicts.review, 'needs', 'need')} review (${byReason(tally.review)})` : ''}.${extra}`,
      fix: verdicts.review > 0 ? `Look at the rows to review, starting on line ${tally.firstReview}, and correct or remove them.` : 'See the notes above; "presend verify-list" shows the details.',
      ...(verdicts.review > 0 ? { location: { path: listPath, line: tally.firstReview, column: 1 } } : {}),
    });
  }
  return withChart({ id: 'list', status: 'pass', message: `${shown}: ${rows === 1 ? 'the 1 row' : `all ${rows} rows`} can be sent to.` });
}

/**
 * List verification distinguishes marketing and transactional sends. Fundraising is neither:
 * HIPAA lets it use some patient data without authorization (45 CFR 164.514(f)) and needs no
 * marketing consent, so it gets the row checks without the marketing-only ones.
 */
function listCategory(decision: CategoryDecision): ListCategory | undefined {
  if (decision.category === 'fundraising') return undefined;
  return decision.category === 'marketing' || decision.commercial ? 'marketing' : 'transactional';
}

/**
 * Merge fields the list must supply: the ESP fills unsubscribe links and the sender's
 * address itself, so those are not expected as columns.
 */
function recipientFields(model: TemplateModel, user: UserConfig): string[] {
  const unsubscribeTags = unsubscribeTagSet(user);
  const fields = model.mergeTags
    .filter((tag) => tag.kind === 'output' && tag.field !== null && !isUnsubscribeTag(tag, unsubscribeTags) && !isSenderAddressTag(tag))
    .map((tag) => tag.field as string);
  return [...new Set(fields)];
}

function describeFinding(finding: ListFinding): string {
  switch (finding.id) {
    case 'phi-columns':
      return `the list has health-information columns (${finding.columns.join(', ')}) for a marketing send without a documented authorization`;
    case 'missing-fields':
      return `the template's merge fields ${finding.fields.join(', ')} have no column in the list`;
    case 'no-consent-column':
      return 'the list has no consent column for this marketing send';
  }
}

function byReason(counts: Map<ReasonId, number>): string {
  return [...counts.entries()].map(([reason, count]) => `${reason} ${count}`).join(', ');
}

function directiveLocation(directive: Directive | null, key: 'list' | 'suppression'): GateLocation | undefined {
  const span = directive?.valueSpans[key];
  return span ? locationOf(span.file.path, span.file.rangeOf(span.start, span.end)) : undefined;
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

function optional(location: GateLocation | undefined): { location?: GateLocation } {
  return location ? { location } : {};
}
