import type * as Htmlparser2 from 'htmlparser2' with { 'resolution-mode': 'import' };

/**
 * The tools users would otherwise run, loaded and typed in one place. mjml and its validator
 * ship no type declarations; htmlparser2 12 is an ES module that Node 20.19+ can `require`.
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const htmlparser2 = require('htmlparser2') as typeof Htmlparser2;

export interface MjmlResult {
  html: string;
  errors: { line: number; message: string; tagName?: string }[];
}

export type Mjml2Html = (input: string, options: Record<string, unknown>) => Promise<MjmlResult>;

// Requiring `mjml` registers the core components and their validation rules with mjml-core and
// mjml-validator, which the validation-only path below relies on.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const mjml2html = require('mjml') as Mjml2Html;

interface MjmlNode {
  tagName: string;
  children?: MjmlNode[];
}

/* eslint-disable @typescript-eslint/no-require-imports */
const mjmlCore = require('mjml-core') as { components: Record<string, unknown>; initializeType: unknown };
const parseMjml = require('mjml-parser-xml') as (text: string, options: Record<string, unknown>) => MjmlNode;
const mjmlValidator = require('mjml-validator') as {
  default: (tree: MjmlNode, options: Record<string, unknown>) => unknown[];
  dependencies: Record<string, unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * MJML's validation without rendering: the XML parse and the validator run exactly as
 * mjml-core runs them at `validationLevel: 'strict'` before it renders. Returns the errors.
 */
export function validateMjmlOnly(text: string): unknown[] {
  const tree = parseMjml(text, { keepComments: true, components: mjmlCore.components, ignoreIncludes: true });
  return mjmlValidator.default(tree, {
    components: mjmlCore.components,
    dependencies: mjmlValidator.dependencies,
    initializeType: mjmlCore.initializeType,
  });
}

/** What the official MJML extension runs on each keystroke: a strict compile, errors thrown. */
export async function mjmlStrict(text: string): Promise<{ errors: number }> {
  try {
    await mjml2html(text, { validationLevel: 'strict', keepComments: true });
    return { errors: 0 };
  } catch (error) {
    const errors = (error as { errors?: unknown[] }).errors;
    if (!Array.isArray(errors)) throw error;
    return { errors: errors.length };
  }
}
