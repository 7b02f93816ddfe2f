import { colorInBackground, fontElementSize, isZeroLength, normalizeColor, parseDeclarations, parseFontSize, type Declaration } from './css-values';
import type { MjmlAttributes } from './mjml-attributes';
import type { Stylesheet } from './stylesheet';
import { attribute, hasAttribute } from './tree';
import type { ComputedStyle, ElementNode, HiddenReason, TemplateNode } from './types';

/**
 * Computes each element's `ComputedStyle` and whether its content is hidden, walking the tree
 * from the roots so inherited values (colour, font size, visibility, background) flow down.
 */

/** Font size of the root, as browsers default it. */
const ROOT_FONT_SIZE_PX = 16;

/** MJML's own defaults for the components whose text colour and size matter. */
const MJML_DEFAULTS: Record<string, Record<string, string>> = {
  'mj-text': { color: '#000000', 'font-size': '13px' },
  'mj-button': { color: '#ffffff', 'background-color': '#414141', 'font-size': '13px' },
  'mj-navbar-link': { color: '#000000', 'font-size': '13px' },
  'mj-table': { color: '#000000', 'font-size': '13px' },
  'mj-social-element': { color: '#333333', 'font-size': '13px' },
  'mj-accordion-title': { 'font-size': '13px' },
  'mj-accordion-text': { 'font-size': '13px' },
  'mj-hero': { 'background-color': '#ffffff' },
};

/** Properties a class rule may set on an MJML component without `!important`. */
const OUTER_PROPERTIES = new Set(['display', 'visibility', 'mso-hide', 'opacity', 'max-height', 'height', 'width', 'overflow', 'line-height', 'background', 'background-color']);

export interface StyleResult {
  hidden: Map<ElementNode, HiddenReason | undefined>;
}

/** Zero-size tricks need several declarations together, so they are collected first. */
interface BoxState {
  overflowHidden: boolean;
  maxHeightZero: boolean;
  sizeZero: boolean;
  textSizeZero: boolean;
}

export function computeStyles(roots: readonly TemplateNode[], stylesheet: Stylesheet, mjml: MjmlAttributes): StyleResult {
  const hidden = new Map<ElementNode, HiddenReason | undefined>();
  const blocking = new Map<ElementNode, HiddenReason | undefined>();
  const rootStyle: ComputedStyle = {};

  // Iterative, parents before children, so deep nesting cannot overflow the call stack.
  const stack: Array<{ node: TemplateNode; parentStyle: ComputedStyle; parentBlocking: HiddenReason | undefined }> = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push({ node: roots[i], parentStyle: rootStyle, parentBlocking: undefined });
  }

  while (stack.length > 0) {
    const { node, parentStyle, parentBlocking } = stack.pop() as (typeof stack)[number];
    if (node.type !== 'element') {
      continue;
    }
    const box: BoxState = { overflowHidden: false, maxHeightZero: false, sizeZero: false, textSizeZero: false };
    const style = computeOwnStyle(node, parentStyle, stylesheet, mjml, box);
    node.style = style;

    const own = blockingReason(node, style);
    const reason = parentBlocking ?? own;
    blocking.set(node, reason);
    hidden.set(node, reason ?? visibilityReason(style));

    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i], parentStyle: style, parentBlocking: reason });
    }
  }
  return { hidden };
}

function computeOwnStyle(element: ElementNode, parent: ComputedStyle, stylesheet: Stylesheet, mjml: MjmlAttributes, box: BoxState): ComputedStyle {
  const style: ComputedStyle = {};
  if (parent.color !== undefined) style.color = parent.color;
  if (parent.fontSizePx !== undefined) style.fontSizePx = parent.fontSizePx;
  if (parent.visibility !== undefined) style.visibility = parent.visibility;
  if (parent.backgroundColor !== undefined) style.backgroundColor = parent.backgroundColor;
  const parentSize = parent.fontSizePx ?? ROOT_FONT_SIZE_PX;

  if (element.name.startsWith('mj-')) {
    const attributes = mjml.resolve(element, MJML_DEFAULTS[element.name] ?? {});
    applyMjmlAttributes(style, attributes, parentSize);

    // MJML writes a component's own colour and size inline on an inner element, so a class
    // rule on `css-class` reaches only the outer box unless it is `!important`.
    const classes = (attributes['css-class'] ?? '').split(/\s+/).filter(Boolean);
    const declarations = stylesheet.declarationsFor(element, () => classes);
    for (const declaration of declarations) {
      if (declaration.important || OUTER_PROPERTIES.has(declaration.property)) {
        applyDeclaration(style, declaration, parentSize, box);
      }
    }
  } else {
    applyPresentationalAttributes(style, element);
    const sheet = stylesheet.declarationsFor(element, htmlClasses);
    const inline = inlineDeclarations(element);

    // The cascade: normal sheet rules, then inline style, then `!important` sheet rules, then
    // `!important` inline declarations.
    for (const declaration of [...sheet.filter((d) => !d.important), ...inline.filter((d) => !d.important), ...sheet.filter((d) => d.important), ...inline.filter((d) => d.important)]) {
      applyDeclaration(style, declaration, parentSize, box);
    }
  }

  if (box.maxHeightZero || (box.overflowHidden && (box.sizeZero || box.textSizeZero))) {
    style.collapsed = true;
  }
  return style;
}

export function htmlClasses(element: ElementNode): string[] {
  return (attribute(element, 'class') ?? '').split(/\s+/).filter(Boolean);
}

function inlineDeclarations(element: ElementNode): Declaration[] {
  const inline = attribute(element, 'style');
  return inline ? parseDeclarationsCached(inline) : [];
}

function parseDeclarationsCached(text: string): Declaration[] {
  let cached = declarationCache.get(text);
  if (!cached) {
    cached = parseDeclarations(text);
    if (declarationCache.size > 5000) {
      declarationCache.clear();
    }
    declarationCache.set(text, cached);
  }
  return cached;
}

/** Email HTML repeats the same inline styles on hundreds of cells. */
const declarationCache = new Map<string, Declaration[]>();

function applyMjmlAttributes(style: ComputedStyle, attributes: Record<string, string>, parentSize: number): void {
  const color = attributes['color'];
  if (color !== undefined) {
    const normalized = normalizeColor(color);
    if (normalized) style.color = normalized;
  }
  const fontSize = attributes['font-size'];
  if (fontSize !== undefined) {
    const px = parseFontSize(fontSize, parentSize);
    if (px !== undefined) style.fontSizePx = px;
  }

  // The container's background sits behind the component; the component's own is in front.
  for (const name of ['container-background-color', 'background-color']) {
    const value = attributes[name];
    const normalized = value === undefined ? undefined : normalizeColor(value);
    if (normalized && normalized !== 'transparent') {
      style.backgroundColor = normalized;
    }
  }
}

function applyPresentationalAttributes(style: ComputedStyle, element: ElementNode): void {
  const bgcolor = attribute(element, 'bgcolor');
  if (bgcolor !== undefined) {
    const normalized = normalizeColor(bgcolor);
    if (normalized && normalized !== 'transparent') style.backgroundColor = normalized;
  }
  if (element.name === 'font') {
    const color = attribute(element, 'color');
    const normalized = color === undefined ? undefined : normalizeColor(color);
    if (normalized) style.color = normalized;
    const size = attribute(element, 'size');
    const px = size === undefined ? undefined : fontElementSize(size);
    if (px !== undefined) style.fontSizePx = px;
  }
  if (element.name === 'body') {
    const text = attribute(element, 'text');
    const normalized = text === undefined ? undefined : normalizeColor(text);
    if (normalized) style.color = normalized;
  }
}

function applyDeclaration(style: ComputedStyle, declaration: Declaration, parentSize: number, box: BoxState): void {
  const value = declaration.value.trim().toLowerCase();
  switch (declaration.property) {
    case 'display':
      style.display = value;
      break;
    case 'visibility':
      style.visibility = value;
      break;
    case 'mso-hide':
      if (value === 'all') style.msoHide = true;
      break;
    case 'color': {
      const color = normalizeColor(value);
      if (color) style.color = color;
      break;
    }
    case 'background-color': {
      const color = normalizeColor(value);
      if (color && color !== 'transparent') style.backgroundColor = color;
      break;
    }
    case 'background': {
      const color = colorInBackground(value);
      if (color && color !== 'transparent') style.backgroundColor = color;
      break;
    }
    case 'font-size': {
      const px = parseFontSize(value, parentSize);
      if (px !== undefined) {
        style.fontSizePx = px;
        box.textSizeZero = px === 0;
      }
      break;
    }
    case 'font': {
      // The shorthand's size is the token before an optional `/line-height` and the family.
      const size = /(?:^|\s)(\d*\.?\d+(?:px|pt|em|rem|%))(?:\/\S+)?\s/.exec(value + ' ');
      const px = size ? parseFontSize(size[1], parentSize) : undefined;
      if (px !== undefined) style.fontSizePx = px;
      break;
    }
    case 'line-height':
      box.textSizeZero = box.textSizeZero || isZeroLength(value);
      break;
    case 'opacity':
      if (parseFloat(value) === 0) style.transparent = true;
      break;
    case 'max-height':
      box.maxHeightZero = isZeroLength(value);
      break;
    case 'height':
    case 'width':
      box.sizeZero = box.sizeZero || isZeroLength(value);
      break;
    case 'overflow':
    case 'overflow-x':
    case 'overflow-y':
      box.overflowHidden = value === 'hidden' || value === 'clip';
      break;
  }
}

/** Reasons that a descendant cannot undo. */
function blockingReason(element: ElementNode, style: ComputedStyle): HiddenReason | undefined {
  if (style.display === 'none') return 'display-none';
  if (hasAttribute(element, 'hidden')) return 'hidden-attribute';
  if (style.msoHide) return 'mso-hide';
  if (style.collapsed) return 'zero-size';
  if (style.transparent) return 'transparent';
  return undefined;
}

/** `visibility` is inherited but a descendant may set it back to `visible`. */
function visibilityReason(style: ComputedStyle): HiddenReason | undefined {
  if (style.visibility === 'hidden' || style.visibility === 'collapse') return 'visibility-hidden';
  if (style.color === 'transparent') return 'transparent';
  return undefined;
}
