import * as path from 'node:path';
import type { TemplateLanguage } from './types';

/**
 * Returns the template language of a file from its extension alone: a partial that contains
 * only `<mj-section>` is still MJML, and an HTML file that mentions `<mjml>` is still HTML.
 * Returns undefined for files Presend does not check.
 */
export function languageOf(filePath: string): TemplateLanguage | undefined {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.mjml') {
    return 'mjml';
  }
  if (extension === '.html' || extension === '.htm') {
    return 'html';
  }
  return undefined;
}
