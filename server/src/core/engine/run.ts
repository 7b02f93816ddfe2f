import type { RuleSetting, ResolvedConfig } from '../config/types';
import type { TemplateModel } from '../model/types';
import { formatMessage } from './messages';
import { parseInlineDirectives, SuppressionIndex } from './inline';
import type { CategoryDecision, Finding, Report, Rule, RuleContext, Severity } from './rule';
import { effectiveSetting } from './severity';

/** Where the engine writes what a user may need to know (a rule failed) and detail. */
export interface EngineLogger {
  error(message: string): void;
  debug?(message: string): void;
}

export interface RunOptions {
  model: TemplateModel;
  rules: readonly Rule[];
  settings: Record<string, RuleSetting>;
  config: ResolvedConfig;
  category: CategoryDecision;
  metadata: RuleContext['metadata'];
  logger?: EngineLogger;
}

/** The rule id the engine itself reports inline directives that suppress nothing under. */
export const UNUSED_DISABLE_RULE_ID = 'unused-disable';

/**
 * Runs every enabled rule over a model and returns the findings that inline directives do not
 * suppress, sorted by file and position. A rule that throws is isolated: it is logged once with
 * its id and the document, and the other rules' findings are still returned.
 */
export function runRules(options: RunOptions): Finding[] {
  const { model, rules, settings, config, category, metadata, logger } = options;
  const findings: Finding[] = [];
  const enabledIds = new Set<string>();

  for (const rule of rules) {
    const setting = effectiveSetting(rule.meta, settings[rule.meta.id]);
    if (setting.severity === 'off' || rule.meta.id === UNUSED_DISABLE_RULE_ID) {
      continue;
    }
    enabledIds.add(rule.meta.id);

    const reported: Finding[] = [];
    try {
      rule.check({
        model,
        config,
        category,
        metadata,
        options: setting.options,
        report: (report) => reported.push(toFinding(rule, setting.severity as Severity, report)),
      });
      findings.push(...reported);
    } catch (error) {
      logger?.error(`Rule ${rule.meta.id} failed on ${model.file.path}: ${(error as Error).stack ?? error}`);
    }
  }

  const kept = applyInlineDirectives(model, findings, rules, settings, enabledIds);
  return kept.sort(compareFindings);
}

function applyInlineDirectives(
  model: TemplateModel,
  findings: Finding[],
  rules: readonly Rule[],
  settings: Record<string, RuleSetting>,
  enabledIds: Set<string>,
): Finding[] {
  const directives = parseInlineDirectives(model.comments);
  if (directives.length === 0) {
    return findings;
  }

  const index = new SuppressionIndex(directives);
  const filesByPath = new Map(model.files.map((file) => [file.path, file]));
  const kept = findings.filter((finding) => {
    const file = filesByPath.get(finding.path) ?? model.file;
    return !index.suppresses(finding.ruleId, file, finding.range.start.line);
  });

  const unusedRule = rules.find((rule) => rule.meta.id === UNUSED_DISABLE_RULE_ID);
  if (!unusedRule) {
    return kept;
  }
  const unusedSetting = effectiveSetting(unusedRule.meta, settings[UNUSED_DISABLE_RULE_ID]);
  if (unusedSetting.severity === 'off') {
    return kept;
  }

  const knownIds = new Set(rules.map((rule) => rule.meta.id));
  for (const directive of index.unused()) {
    const span = { file: directive.file, start: directive.start, end: directive.end };
    const unknown = directive.rules.filter((id) => !knownIds.has(id));
    const report: Report =
      unknown.length > 0
        ? { messageId: 'unknownRule', data: { rules: unknown.join(', ') }, span }
        : {
            messageId: 'unused',
            data: { rules: directive.rules.length > 0 ? directive.rules.join(', ') : 'all rules' },
            span,
            fix: { title: 'Remove the unused directive', edits: [{ span, newText: '' }] },
          };

    // A disable naming only rules that are off suppresses nothing on purpose-less grounds too.
    if (unknown.length === 0 && directive.rules.length > 0 && directive.rules.every((id) => !enabledIds.has(id))) {
      report.messageId = 'ruleOff';
    }
    kept.push(toFinding(unusedRule, unusedSetting.severity as Severity, report));
  }
  return kept;
}

/** Checks a report against its rule's metadata and turns it into a finding. */
export function toFinding(rule: Rule, severity: Severity, report: Report): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) {
    throw new Error(`Rule ${rule.meta.id} reported undeclared message id "${report.messageId}".`);
  }
  if (report.fix && !rule.meta.fixable) {
    throw new Error(`Rule ${rule.meta.id} attached a fix but does not declare fixable: true.`);
  }

  const data = report.data ?? {};
  const { file } = report.span;
  return {
    ruleId: rule.meta.id,
    messageId: report.messageId,
    message: formatMessage(template, data, rule.meta.id),
    severity,
    path: file.path,
    start: report.span.start,
    end: report.span.end,
    range: file.rangeOf(report.span.start, report.span.end),
    data,
    detail: report.detail,
    fix: report.fix && {
      title: report.fix.title,
      edits: report.fix.edits.map((edit) => ({ path: edit.span.file.path, start: edit.span.start, end: edit.span.end, newText: edit.newText })),
    },
  };
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) {
    return a.path < b.path ? -1 : 1;
  }
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
