import type { Span } from '../model/source';
import type { Category, TemplateModel } from '../model/types';
import type { ResolvedConfig, TemplateDefaults } from '../config/types';

/**
 * The contract every rule module fulfils. A rule declares its metadata up front and reports
 * findings through its context; the engine checks each report against the metadata, so a
 * rule cannot emit a message id or a fix it did not declare.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type RuleFamily = 'opt-out' | 'phi' | 'category' | 'template';

export interface RuleMeta {
  /** Kebab-case id; also the rule's file name and its doc's name. */
  id: string;
  family: RuleFamily;
  /** One sentence, shown in `presend rules` and hovers. */
  description: string;
  defaultSeverity: SeveritySetting;
  /**
   * Message templates by id. `{{name}}` placeholders are filled from the report's data;
   * a placeholder without data is an engine error.
   */
  messages: Record<string, string>;
  /** True when the rule may attach fixes to its reports. */
  fixable: boolean;
  /** The regulation or guidance the rule rests on, shown in hovers. */
  basis: string;
  /** Defaults of the rule's options; users override them in the config. */
  defaultOptions?: Record<string, unknown>;
}

/** A text edit in one file, by offsets. */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  /** Code action title. */
  title: string;
  edits: TextEdit[];
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  fix?: Fix;
  /** Extra explanation for the hover, after the rule's basis. */
  detail?: string;
}

/** The category decision rules use: declared by the directive or config, or inferred. */
export interface CategoryDecision {
  category: Category;
  source: 'directive' | 'config' | 'inferred' | 'default';
  /** True when the message counts as commercial under the primary-purpose test. */
  commercial: boolean;
  /** Phrases that decided an inferred category, for hovers and the inferred-category finding. */
  evidence: string[];
  /** The classifier's full result, computed for every template (declared or not) so rules can read block scores. */
  classification?: import('../classify/types').Classification;
}

export interface RuleContext {
  model: TemplateModel;
  config: ResolvedConfig;
  /** The rule's options: its defaults merged with the user's. */
  options: Record<string, unknown>;
  category: CategoryDecision;
  /** The template's metadata: its directive's keys over the config's defaults and overrides. */
  metadata: TemplateDefaults & { subject?: string; preheader?: string };
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** A finding as the engine hands it to the CLI and the language server. */
export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** Path of the file the finding is on: the template or one of its includes. */
  path: string;
  /** UTF-16 offsets into that file's text. */
  start: number;
  end: number;
  range: import('../model/source').Range;
  data: Record<string, string | number>;
  fix?: { title: string; edits: { path: string; start: number; end: number; newText: string }[] };
  detail?: string;
}
