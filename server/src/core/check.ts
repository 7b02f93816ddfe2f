import * as path from 'node:path';
import { settingsForFile } from './config/load';
import type { ResolvedConfig, RuleSetting } from './config/types';
import { decideCategory, type CategoryInference } from './engine/category';
import type { CategoryDecision, Finding, Rule, RuleContext } from './engine/rule';
import { runRules, type EngineLogger } from './engine/run';
import { buildModel } from './model/build';
import { languageOf } from './model/language';
import { SourceFile } from './model/source';
import type { TemplateLanguage, TemplateModel } from './model/types';
import { RULES } from './rules/index';
import { inferCategory } from './engine/infer-category';

/**
 * The one entry point the CLI, the language server and the tests share: build the model of a
 * template, decide its category, and run the rules.
 */

export interface CheckInput {
  /** Absolute path of the template. */
  path: string;
  /** The template's text as the editor holds it (a leading BOM is dropped). */
  text: string;
  language?: TemplateLanguage;
  config: ResolvedConfig;
  /** Rule settings from the editor; the config file's settings win. */
  editorRules?: Record<string, RuleSetting>;
  /** Workspace folder; includes outside it are refused. Defaults to the config's root. */
  workspaceRoot?: string;
  /** Reads an included file; undefined when it does not exist. */
  readFile: (absolutePath: string) => string | undefined;
  rules?: readonly Rule[];
  inferCategory?: CategoryInference;
  logger?: EngineLogger;
}

export interface CheckResult {
  model: TemplateModel;
  category: CategoryDecision;
  metadata: RuleContext['metadata'];
  findings: Finding[];
}

export function checkTemplate(input: CheckInput): CheckResult {
  const file = new SourceFile(input.path, input.text);
  const model = buildModel(file, {
    language: input.language ?? languageOf(input.path) ?? 'html',
    mergeTagSyntaxes: input.config.mergeTagSyntaxes,
    workspaceRoot: input.workspaceRoot ?? input.config.root,
    trusted: input.config.trusted,
    readFile: input.readFile,
  });

  const settings = settingsForFile(input.config, input.path, input.editorRules);
  const metadata = templateMetadata(model, settings.defaults);
  const category = decideCategory(model, settings.defaults, input.config, input.inferCategory ?? inferCategory);
  const findings = runRules({
    model,
    rules: input.rules ?? RULES,
    settings: settings.rules,
    config: input.config,
    category,
    metadata,
    logger: input.logger,
  });
  return { model, category, metadata, findings };
}

/** The directive's keys over the config's defaults and overrides for this file. */
function templateMetadata(model: TemplateModel, defaults: RuleContext['metadata']): RuleContext['metadata'] {
  const metadata: RuleContext['metadata'] = { ...defaults };
  const directive = model.directive;
  if (!directive) {
    return metadata;
  }
  for (const key of ['category', 'subject', 'preheader', 'from', 'list', 'suppression', 'authorization', 'purpose', 'consent', 'previewData'] as const) {
    if (directive[key] !== undefined) {
      (metadata as Record<string, unknown>)[key] = directive[key];
    }
  }
  return metadata;
}

/** Resolves a path the template names (list, suppression, previewData) against its folder. */
export function resolveTemplatePath(templatePath: string, relative: string): string {
  return path.resolve(path.dirname(templatePath), relative);
}
