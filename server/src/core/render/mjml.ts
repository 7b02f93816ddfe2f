/**
 * The MJML compiler, typed for what the renderer uses. `mjml` ships no type declarations.
 */

export interface MjmlError {
  line: number;
  message: string;
  tagName?: string;
}

export interface MjmlOptions {
  validationLevel: 'soft' | 'strict' | 'skip';
  filePath?: string;
  ignoreIncludes: boolean;
  /** Extra folders includes may read from, besides the template's own folder. */
  includePath?: string[];
  keepComments?: boolean;
}

export interface MjmlOutput {
  html: string;
  errors: MjmlError[];
}

type Mjml2Html = (input: string, options: MjmlOptions) => Promise<MjmlOutput>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const mjml2html = require('mjml') as Mjml2Html;

export function compileMjml(text: string, options: MjmlOptions): Promise<MjmlOutput> {
  return mjml2html(text, options);
}
