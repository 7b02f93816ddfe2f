import { parseDeclarations, type Declaration } from './css-values';
import type { ElementNode } from './types';

/**
 * The part of `<style>` and `<mj-style>` the model applies: rules whose selectors are built
 * from tag names, classes and ids, joined by descendant or child combinators. Other selectors
 * (pseudo-classes, attributes, siblings) are skipped rather than guessed at.
 *
 * Rules inside `@media` are skipped too: they apply only at some widths or in some clients,
 * so a colour or a `display:none` there does not describe what every reader gets.
 */

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
}

interface Selector {
  /** Rightmost compound last. */
  compounds: Compound[];
  /** combinators[i] joins compounds[i] and compounds[i + 1]. */
  combinators: Array<' ' | '>'>;
  specificity: number;
}

export interface StyleRule {
  selector: Selector;
  declarations: Declaration[];
  /** Position in the cascade: later rules of equal specificity win. */
  order: number;
}

export class Stylesheet {
  private readonly rules: StyleRule[] = [];

  /** Adds the rules of one style sheet; call in document order. */
  add(css: string): void {
    for (const { selectorText, body } of topLevelRules(stripComments(css))) {
      const declarations = parseDeclarations(body);
      if (declarations.length === 0) {
        continue;
      }
      for (const part of selectorText.split(',')) {
        const selector = parseSelector(part.trim());
        if (selector) {
          this.rules.push({ selector, declarations, order: this.rules.length });
        }
      }
    }
  }

  /**
   * Declarations that apply to `element`, lowest precedence first. `classesOf` returns the
   * classes of an element (`class` in HTML, `css-class` on MJML components).
   */
  declarationsFor(element: ElementNode, classesOf: (element: ElementNode) => string[]): Declaration[] {
    if (this.rules.length === 0) {
      return [];
    }
    const matched = this.rules.filter((rule) => matches(rule.selector, element, classesOf));
    matched.sort((a, b) => a.selector.specificity - b.selector.specificity || a.order - b.order);
    return matched.flatMap((rule) => rule.declarations);
  }
}

function stripComments(css: string): string {
  // `<!--` and `-->` are allowed at the top level of a style sheet and mean nothing.
  return css.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/<!--|-->/g, ' ');
}

/** Yields `selector { body }` pairs outside at-rules, skipping at-rule blocks whole. */
function* topLevelRules(css: string): Generator<{ selectorText: string; body: string }> {
  let index = 0;
  while (index < css.length) {
    const open = css.indexOf('{', index);
    if (open === -1) {
      return;
    }
    const prelude = css.slice(index, open);
    const close = matchingBrace(css, open);

    // `@import …;` ends at its semicolon; what follows it is the next prelude.
    const statementEnd = prelude.lastIndexOf(';');
    const selectorText = (statementEnd === -1 ? prelude : prelude.slice(statementEnd + 1)).trim();
    if (!selectorText.startsWith('@')) {
      yield { selectorText, body: css.slice(open + 1, close) };
    }
    index = close + 1;
  }
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') {
      depth++;
    } else if (css[i] === '}') {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return css.length;
}

function parseSelector(text: string): Selector | undefined {
  if (!text || /[:\[~+*]/.test(text.replace(/>/g, ''))) {
    return undefined;
  }
  const tokens = text.replace(/\s*>\s*/g, ' > ').split(/\s+/).filter((token) => token.length > 0);
  const compounds: Compound[] = [];
  const combinators: Array<' ' | '>'> = [];
  let pending: ' ' | '>' = ' ';
  let specificity = 0;

  for (const token of tokens) {
    if (token === '>') {
      pending = '>';
      continue;
    }
    const compound = parseCompound(token);
    if (!compound) {
      return undefined;
    }
    if (compounds.length > 0) {
      combinators.push(pending);
    }
    pending = ' ';
    compounds.push(compound);
    specificity += (compound.id ? 10000 : 0) + compound.classes.length * 100 + (compound.tag ? 1 : 0);
  }
  if (compounds.length === 0 || combinators.length !== compounds.length - 1) {
    return undefined;
  }
  return { compounds, combinators, specificity };
}

function parseCompound(token: string): Compound | undefined {
  const match = /^([a-z][a-z0-9-]*)?((?:[.#][A-Za-z_-][\w-]*)*)$/i.exec(token);
  if (!match || (!match[1] && !match[2])) {
    return undefined;
  }
  const compound: Compound = { classes: [] };
  if (match[1]) {
    compound.tag = match[1].toLowerCase();
  }
  for (const part of match[2].match(/[.#][\w-]+/g) ?? []) {
    if (part.startsWith('.')) {
      compound.classes.push(part.slice(1));
    } else {
      compound.id = part.slice(1);
    }
  }
  return compound;
}

function matches(selector: Selector, element: ElementNode, classesOf: (element: ElementNode) => string[]): boolean {
  return matchFrom(selector, selector.compounds.length - 1, element, classesOf);
}

/** Right-to-left matching; descendant combinators try each ancestor in turn. */
function matchFrom(selector: Selector, index: number, element: ElementNode, classesOf: (element: ElementNode) => string[]): boolean {
  if (!matchesCompound(selector.compounds[index], element, classesOf)) {
    return false;
  }
  if (index === 0) {
    return true;
  }
  const combinator = selector.combinators[index - 1];
  let ancestor = element.parent;
  while (ancestor) {
    if (matchFrom(selector, index - 1, ancestor, classesOf)) {
      return true;
    }
    if (combinator === '>') {
      return false;
    }
    ancestor = ancestor.parent;
  }
  return false;
}

function matchesCompound(compound: Compound, element: ElementNode, classesOf: (element: ElementNode) => string[]): boolean {
  if (compound.tag && compound.tag !== element.name) {
    return false;
  }
  if (compound.id) {
    const id = element.attributes.find((attribute) => attribute.name === 'id');
    if (!id || id.decoded !== compound.id) {
      return false;
    }
  }
  if (compound.classes.length > 0) {
    const classes = classesOf(element);
    return compound.classes.every((name) => classes.includes(name));
  }
  return true;
}
