import * as path from 'node:path';
import { checkTemplate, resolveTemplatePath, type CheckResult } from './check';
import type { ResolvedConfig } from './config/types';
import type { ListCategory, TemplateContext } from './list/types';
import type { MergeTag } from './model/types';
import { isUnsubscribeTag, unsubscribeTagSet } from './rules/support/unsubscribe';
import { isSenderAddressTag } from './rules/support/postal-address';

/**
 * What list verification needs to know about the template a list is sent with: its category
 * (consent applies to marketing), its authorization, the merge fields each row must fill, and
 * the files its directive names.
 */
export interface TemplateListContext extends TemplateContext {
  /** Absolute path of the suppression file the template or config names. */
  suppression?: string;
  /** Absolute path of the list the template or config names. */
  list?: string;
}

/** Fields the email service fills itself, so a list never needs a column for them. */
const SERVICE_FIELD = /^(?:LIST|HTML|MC|DATE|CURRENT_YEAR|ARCHIVE|UPDATE_PROFILE|FORWARD|REWARDS|EMAIL_TYPE|ABOUT_LIST|unsubscribe\w*|asm_\w+|webview\w*|view_in_browser\w*|tag_\w+)\b/i;

export function templateListContext(check: CheckResult, templatePath: string, config: ResolvedConfig): TemplateListContext {
  const { category, metadata, model } = check;
  const tags = unsubscribeTagSet(config.user);
  const listCategory: ListCategory = category.category === 'transactional' && !category.commercial ? 'transactional' : 'marketing';

  const fields = model.mergeTags
    .filter((tag: MergeTag) => tag.kind === 'output' && tag.field !== null)
    .filter((tag) => !isUnsubscribeTag(tag, tags) && !isSenderAddressTag(tag) && !SERVICE_FIELD.test(tag.field!))
    .map((tag) => tag.field!);

  return {
    category: listCategory,
    authorization: metadata.authorization,
    mergeFields: [...new Set(fields)],
    suppression: metadata.suppression ? resolveTemplatePath(templatePath, metadata.suppression) : undefined,
    list: metadata.list ? resolveTemplatePath(templatePath, metadata.list) : undefined,
  };
}

/** Reads and checks a template from disk, for the CLI's `verify-list --template`. */
export function loadTemplateListContext(templatePath: string, config: ResolvedConfig, readFile: (file: string) => string | undefined): TemplateListContext {
  const text = readFile(templatePath);
  if (text === undefined) {
    throw new Error(`Template "${templatePath}" was not found; check the --template path.`);
  }
  const check = checkTemplate({ path: templatePath, text, config, workspaceRoot: path.dirname(templatePath), readFile });
  return templateListContext(check, templatePath, config);
}
