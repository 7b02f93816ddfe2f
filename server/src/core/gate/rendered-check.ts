import { checkTemplate, type CheckResult } from '../check';
import type { ResolvedConfig } from '../config/types';
import { needsOptOut } from '../engine/category';
import { parseInlineDirectives } from '../engine/inline';
import type { Finding } from '../engine/rule';
import { RULES } from '../rules/index';
import { GMAIL_CLIP_BYTES, placeOptOut, type ClipPlacement } from './clipping';
import type { SendableHtml } from './compile';
import { findLongLines, MAX_LINE_OCTETS } from './long-lines';
import { scanCompiledMergeTags } from './merge-tag-scan';
import { agree, counted } from './plural';
import type { GateCheck, GateStatus } from './types';

/**
 * The `rendered-html` check: what compiling changed. Includes, mj-attributes, mj-class and
 * media queries decide what the sent HTML holds, so the opt-out rules run again on the
 * compiled output, and the output is measured against Gmail's clipping limit and the line
 * length limit of RFC 5322.
 */

/** The rules that judge the opt-out; they run again on the compiled HTML. */
export const OPT_OUT_RULE_IDS = ['missing-unsubscribe', 'broken-unsubscribe', 'hidden-unsubscribe', 'missing-postal-address', 'missing-fundraising-opt-out'];

/** How many merge-tag names the message lists before "and N more". */
const NAMED_FIELDS = 8;

interface Part {
  status: GateStatus;
  message: string;
  fix?: string;
}

export function renderedCheck(compiled: SendableHtml, source: CheckResult, config: ResolvedConfig, templatePath: string, readFile: (p: string) => string | undefined): GateCheck {
  const parts: Part[] = [];
  if (compiled.errors.length > 0) {
    parts.push(mjmlProblems(compiled));
  }
  if (compiled.html === null) {
    return combine(parts);
  }
  const html = compiled.html;

  const output = checkCompiled(html, source, config, templatePath, readFile);
  parts.push(clipping(placeOptOut(output.model, html, config.user), needsOptOut(source.category)));

  const added = newOptOutFindings(output.findings, source);
  if (added.length > 0) {
    parts.push(optOutPart(added));
  }
  parts.push(...mergeTagParts(html, config));

  const long = findLongLines(html);
  if (long.first) {
    parts.push({
      status: 'warn',
      message: `${counted(long.count, 'line')} of the compiled HTML ${agree(long.count, 'exceeds', 'exceed')} ${MAX_LINE_OCTETS} octets (first: line ${long.first.line}, ${long.first.octets} octets); mail servers break such lines (RFC 5322 2.1.1), which can split a tag or a link.`,
      fix: 'Break long lines in the template (long inline styles, minified markup), or have the ESP send the HTML part quoted-printable.',
    });
  }
  return combine(parts);
}

/** Runs the opt-out rules on the compiled HTML under the source's category. */
function checkCompiled(html: string, source: CheckResult, config: ResolvedConfig, templatePath: string, readFile: (p: string) => string | undefined): CheckResult {
  // The directive comment sits outside <mjml> and does not survive compiling, so the category
  // is pinned through the config; config overrides must not decide it a second time.
  const pinned: ResolvedConfig = {
    ...config,
    user: {
      ...config.user,
      defaults: { ...config.user.defaults, category: source.category.category },
      overrides: (config.user.overrides ?? []).map(({ category: _category, ...rest }) => rest),
    },
  };
  return checkTemplate({
    path: templatePath,
    text: html,
    language: 'html',
    config: pinned,
    readFile,
    rules: RULES.filter((rule) => OPT_OUT_RULE_IDS.includes(rule.meta.id)),
    inferCategory: () => source.category,
  });
}

/**
 * Compiled findings the source check did not already report by rule id, leaving out rules
 * the source disables anywhere: a line-scoped disable in the source cannot be mapped onto
 * the compiled HTML, so a disabled rule is trusted as disabled.
 */
function newOptOutFindings(findings: readonly Finding[], source: CheckResult): Finding[] {
  const reported = new Set(source.findings.map((finding) => finding.ruleId));
  const disabled = new Set<string>();
  let disablesAll = false;
  for (const directive of parseInlineDirectives(source.model.comments)) {
    if (directive.kind === 'enable') continue;
    if (directive.rules.length === 0) disablesAll = true;
    directive.rules.forEach((rule) => disabled.add(rule));
  }
  if (disablesAll) {
    return [];
  }
  return findings.filter((finding) => finding.severity !== 'info' && !reported.has(finding.ruleId) && !disabled.has(finding.ruleId));
}

function optOutPart(findings: Finding[]): Part {
  const ids = [...new Set(findings.map((finding) => finding.ruleId))];
  const failed = findings.some((finding) => finding.severity === 'error');
  return {
    status: failed ? 'fail' : 'warn',
    message: `After compiling, the opt-out rules report ${ids.join(', ')}, which the template source did not show: ${findings[0].message}`,
    fix: 'Check what the compiled HTML lost: an include that MJML drops (an HTML partial needs type="html"), mj-attributes or mj-class styles that hide the footer, or a media query that hides it.',
  };
}

function clipping(placement: ClipPlacement, optOutRequired: boolean): Part {
  const size = `${kb(placement.bytes)} KB`;
  if (placement.bytes <= GMAIL_CLIP_BYTES) {
    return { status: 'pass', message: `The compiled HTML is ${size}, under the ${kb(GMAIL_CLIP_BYTES)} KB at which Gmail clips messages.` };
  }

  const behind = [
    placement.unsubscribeEnd !== undefined && placement.unsubscribeEnd > GMAIL_CLIP_BYTES ? `the unsubscribe link (ends at byte ${placement.unsubscribeEnd})` : undefined,
    placement.addressEnd !== undefined && placement.addressEnd > GMAIL_CLIP_BYTES ? `the postal address (ends at byte ${placement.addressEnd})` : undefined,
  ].filter((text) => text !== undefined);
  const over = `The compiled HTML is ${size}, over the ${kb(GMAIL_CLIP_BYTES)} KB at which Gmail clips messages`;
  const fix = `Shrink the HTML below ${GMAIL_CLIP_BYTES} bytes: remove unused CSS and comments, shorten tracking URLs, or move content to a web page.`;

  if (behind.length > 0) {
    return {
      status: optOutRequired ? 'fail' : 'warn',
      message: `${over}, and ${behind.join(' and ')} ${agree(behind.length, 'falls', 'fall')} behind the clip, where Gmail readers do not see it.`,
      fix: `${fix} At least move the unsubscribe link and the postal address near the top, before byte ${GMAIL_CLIP_BYTES}.`,
    };
  }
  return { status: 'warn', message: `${over}; the unsubscribe link and postal address come before the clip.`, fix };
}

function mergeTagParts(html: string, config: ResolvedConfig): Part[] {
  const scan = scanCompiledMergeTags(html, config.mergeTagSyntaxes);
  const parts: Part[] = [];
  if (scan.count > 0) {
    const named = scan.fields.slice(0, NAMED_FIELDS).join(', ');
    const more = scan.fields.length > NAMED_FIELDS ? ` and ${scan.fields.length - NAMED_FIELDS} more` : '';
    parts.push({ status: 'pass', message: `${counted(scan.count, 'merge tag')} ${agree(scan.count, 'remains', 'remain')} for the ESP to fill${named ? `: ${named}${more}` : ''}.` });
  }
  if (scan.malformed.length > 0) {
    const first = scan.malformed[0];
    parts.push({
      status: 'warn',
      message: `${counted(scan.malformed.length, 'merge tag')} in the compiled HTML ${agree(scan.malformed.length, 'is', 'are')} not closed and will be sent as literal text (first: "${first.text}" on line ${first.line} of the output).`,
      fix: 'Close each tag (for example {{ first_name }}), or remove the stray opener.',
    });
  }
  if (scan.foreign.length > 0) {
    parts.push({
      status: 'warn',
      message: `${counted(scan.foreign.length, 'merge tag')} ${agree(scan.foreign.length, 'uses', 'use')} a syntax not enabled in mergeTags.syntaxes and will be sent as literal text: ${scan.foreign.slice(0, 3).join(', ')}.`,
      fix: `Rewrite them in your ESP's syntax (${config.mergeTagSyntaxes.join(', ')}), or add their syntax to mergeTags.syntaxes in presend.config.json if your ESP fills it.`,
    });
  }
  return parts;
}

function mjmlProblems(compiled: SendableHtml): Part {
  const first = compiled.errors[0];
  if (compiled.html === null) {
    return { status: 'fail', message: `MJML could not compile the template: ${first.message} (line ${first.line}).`, fix: 'Fix the MJML error; the preview shows the same message.' };
  }
  return {
    status: 'warn',
    message: `MJML reported ${counted(compiled.errors.length, 'problem')} while compiling, which can drop content (first, line ${first.line}${first.tagName ? `, ${first.tagName}` : ''}: ${first.message}).`,
    fix: 'Fix what MJML reports; the preview lists every problem with its line.',
  };
}

const ORDER: Record<GateStatus, number> = { pass: 0, skipped: 0, overridden: 0, warn: 1, fail: 2 };

/** Combines the parts into one check: the worst status, problems first, then the informational sentences. */
function combine(parts: Part[]): GateCheck {
  const status = parts.reduce<GateStatus>((worst, part) => (ORDER[part.status] > ORDER[worst] ? part.status : worst), 'pass');
  const sorted = [...parts].sort((a, b) => ORDER[b.status] - ORDER[a.status]);
  const fixes = sorted.map((part) => part.fix).filter((fix) => fix !== undefined);
  return {
    id: 'rendered-html',
    status,
    message: sorted.map((part) => part.message).join(' '),
    ...(fixes.length > 0 && status !== 'pass' ? { fix: fixes.join(' ') } : {}),
  };
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1).replace(/\.0$/, '');
}
