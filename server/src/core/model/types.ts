import type { SourceFile, Span } from './source';

/**
 * The template model: what rules read. Built once per check by `buildModel` in `model/build.ts`
 * from the text of an MJML or HTML template, with every span pointing back into the source
 * file it came from (the template itself or a file it includes).
 */

export type TemplateLanguage = 'mjml' | 'html';

export interface Attribute {
  /** Lower-cased attribute name. */
  name: string;
  /** Raw value as written, entities not decoded, merge tags kept. Empty for a valueless attribute. */
  value: string;
  /** Value with HTML entities decoded once. */
  decoded: string;
  nameSpan: Span;
  /** Span of the value without its quotes; an empty span right after the name when valueless. */
  valueSpan: Span;
}

export interface ElementNode {
  type: 'element';
  /** Lower-cased tag name, e.g. `mj-text`, `a`, `v:roundrect`. */
  name: string;
  attributes: Attribute[];
  children: TemplateNode[];
  parent: ElementNode | null;
  /** From `<` of the start tag to `>` of the end tag (or of the start tag when there is none). */
  span: Span;
  /** The start tag alone, `<a …>`. */
  openTagSpan: Span;
  style: ComputedStyle;
}

export interface TextNode {
  type: 'text';
  /** Raw source text, entities not decoded. */
  raw: string;
  parent: ElementNode | null;
  span: Span;
}

export interface CommentNode {
  type: 'comment';
  /** Text between `<!--` and `-->`. */
  body: string;
  parent: ElementNode | null;
  span: Span;
  /** Span of `body`. */
  bodySpan: Span;
}

export type TemplateNode = ElementNode | TextNode | CommentNode;

/**
 * Style as computed for an element from inline `style`, MJML attributes, `mj-attributes`,
 * `mj-class`, and simple class and tag rules in `<style>`/`mj-style`. Only the properties
 * rules need; each is undefined when nothing declared it.
 */
export interface ComputedStyle {
  display?: string;
  visibility?: string;
  /** `mso-hide: all` declared. */
  msoHide?: boolean;
  /** Font size in CSS pixels (pt converted at 96/72; em/rem/% resolved against the parent). */
  fontSizePx?: number;
  /** Text colour as declared, normalised to lower-case `#rrggbb` when it parses. */
  color?: string;
  /** Nearest declared background colour (own or inherited from an ancestor's box). */
  backgroundColor?: string;
  /** Opacity declared as 0. */
  transparent?: boolean;
  /** Height or width declared as 0 together with overflow hidden, or max-height 0. */
  collapsed?: boolean;
}

/** The reason an element's text is not visible to a reader; undefined when it is visible. */
export type HiddenReason = 'display-none' | 'visibility-hidden' | 'mso-hide' | 'zero-size' | 'transparent' | 'hidden-attribute';

export interface TextRun {
  /** Decoded text with whitespace collapsed. */
  text: string;
  /** Raw source text. */
  raw: string;
  span: Span;
  /** Nearest element containing the text. */
  element: ElementNode;
  style: ComputedStyle;
  hidden?: HiddenReason;
}

export interface Link {
  element: ElementNode;
  /** Raw href, merge tags kept, entities not decoded; empty string when absent. */
  href: string;
  /** Decoded href. */
  decodedHref: string;
  /** Span of the href value, or of the open tag when there is no href. */
  hrefSpan: Span;
  /** Visible text inside the link, collapsed; includes merge tags as written. */
  text: string;
  /** Alt text of images inside the link. */
  imageAlts: string[];
  /** True when the link contains images and no visible text. */
  imageOnly: boolean;
  span: Span;
  style: ComputedStyle;
  hidden?: HiddenReason;
  /** `mj-button`, `mj-social-element`, `mj-navbar-link` or `a`. */
  kind: 'a' | 'mj-button' | 'mj-social-element' | 'mj-navbar-link' | 'area';
}

export interface Image {
  element: ElementNode;
  src: string;
  srcSpan: Span;
  alt?: string;
  title?: string;
  width?: string;
  height?: string;
  span: Span;
  style: ComputedStyle;
  hidden?: HiddenReason;
}

export interface Heading {
  /** 1-6, or 0 for an MJML heading-like component. */
  level: number;
  text: string;
  element: ElementNode;
  span: Span;
}

/** The merge-tag syntaxes Presend recognises; the enabled set is configurable. */
export type MergeTagSyntax = 'handlebars' | 'liquid' | 'mailchimp' | 'salesforce' | 'mailgun' | 'erb';

export interface MergeTag {
  syntax: MergeTagSyntax;
  /** The tag as written, delimiters included. */
  raw: string;
  /**
   * The field path it reads, e.g. `patient.diagnosisCode`, `LIST:ADDRESS`, `recipient.first_name`;
   * null for tags that read no field (`{{/if}}`, `{% endif %}`, `{{else}}`).
   */
  field: string | null;
  /** output: prints a value; block-open/block-close: `{{#if x}}`/`{{/if}}`; statement: `{% assign %}`, `<% %>`. */
  kind: 'output' | 'block-open' | 'block-close' | 'statement';
  /** Helper or block name for blocks and statements (`if`, `each`, `for`). */
  keyword?: string;
  /** Liquid filters or Handlebars helpers applied, in order. */
  filters: string[];
  span: Span;
  /** The kind of content the tag is in. */
  context: 'text' | 'attribute' | 'comment' | 'raw';
  /** For attribute context: the element and attribute name. */
  element?: ElementNode;
  attribute?: string;
}

/** A content block for the classifier: sections, paragraphs, buttons, headings. */
export interface ContentBlock {
  kind: 'section' | 'paragraph' | 'button' | 'heading' | 'list-item' | 'table-cell';
  /** Decoded visible text with merge tags kept as written. */
  text: string;
  element: ElementNode;
  span: Span;
  /** Zero-based order of the block in reading order. */
  index: number;
  hidden?: HiddenReason;
  /**
   * Zero-based index of the MJML section (`mj-section` or `mj-hero`, counted in document order,
   * those inside an `mj-wrapper` included) holding the block; undefined in HTML templates.
   */
  sectionIndex?: number;
}

export interface SubjectLine {
  text: string;
  /** Origin of the subject: the directive's `subject` value, `<mj-title>` or `<title>`. */
  source: 'directive' | 'mj-title' | 'title';
  span: Span;
}

export interface Preheader {
  text: string;
  source: 'directive' | 'mj-preview' | 'preheader-class';
  span: Span;
}

/** A `<mj-include>` as written and how it resolved. */
export interface IncludeRef {
  element: ElementNode;
  /** The `path` attribute as written. */
  path: string;
  pathSpan: Span;
  /** Absolute path when it resolved inside the workspace. */
  resolvedPath?: string;
  /** Parsed content of the included file, when read. */
  included?: SourceFile;
  problem?: 'outside-workspace' | 'not-found' | 'missing-extension' | 'cycle' | 'unreadable' | 'inside-ending-tag';
  problemDetail?: string;
}

/** Something about the template's structure a rule reports, found while building the model. */
export interface ModelProblem {
  kind: 'include' | 'directive' | 'parse';
  /** Message id of the reporting rule (see rules). */
  code: string;
  data: Record<string, string>;
  span: Span;
}

export type Category = 'transactional' | 'marketing' | 'fundraising';
export type Purpose = 'refill-reminder' | 'treatment' | 'own-services';

/** The `<!-- presend … -->` directive's parsed keys. */
export interface Directive {
  category?: Category;
  subject?: string;
  preheader?: string;
  from?: string;
  list?: string;
  suppression?: string;
  authorization?: 'documented';
  purpose?: Purpose;
  consent?: 'affirmative';
  previewData?: string;
  /** The comment as a whole. */
  span: Span;
  /** Span of each key's value, for findings on a key. */
  valueSpans: Partial<Record<DirectiveKey, Span>>;
}

export const DIRECTIVE_KEYS = [
  'category',
  'subject',
  'preheader',
  'from',
  'list',
  'suppression',
  'authorization',
  'purpose',
  'consent',
  'previewData',
] as const;

export type DirectiveKey = (typeof DIRECTIVE_KEYS)[number];

export interface TemplateModel {
  file: SourceFile;
  language: TemplateLanguage;
  /** Root nodes of the template, with included files spliced in where `mj-include` stood. */
  roots: TemplateNode[];
  directive: Directive | null;
  subject: SubjectLine | null;
  preheader: Preheader | null;
  /** Text runs in reading order, hidden ones included (with `hidden` set). */
  textRuns: TextRun[];
  links: Link[];
  images: Image[];
  headings: Heading[];
  mergeTags: MergeTag[];
  blocks: ContentBlock[];
  comments: CommentNode[];
  includes: IncludeRef[];
  problems: ModelProblem[];
  /** Every file the model read: the template first, then includes. */
  files: SourceFile[];
}
