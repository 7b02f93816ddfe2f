import * as path from 'node:path';
import { extractBlocks } from './blocks';
import { extractContent } from './content';
import { makeDecoder } from './decode';
import { readDirective } from './directive';
import { readFileFromDisk, resolveIncludes, type IncludeContext, type LoadedMarkup } from './includes';
import { languageOf } from './language';
import { parseMarkup, type ContentEnds } from './markup';
import { placeMergeTags } from './merge-tag-context';
import { ALL_MERGE_TAG_SYNTAXES, maskMergeTags, scanMergeTags, type RawMergeTag } from './merge-tags';
import { MjmlAttributes } from './mjml-attributes';
import { findParseProblems } from './parse-problems';
import type { SourceFile } from './source';
import { computeStyles } from './style';
import { Stylesheet } from './stylesheet';
import { findPreheader, findSubject } from './subject';
import type { Extraction } from './text';
import { walk } from './tree';
import type { CommentNode, ElementNode, IncludeRef, MergeTagSyntax, ModelProblem, TemplateLanguage, TemplateModel, TemplateNode, TextNode } from './types';

export interface BuildOptions {
  /** Defaults to the language of the file's extension, then HTML. */
  language?: TemplateLanguage;
  /** Merge-tag syntaxes to recognise; all six by default. */
  mergeTagSyntaxes?: MergeTagSyntax[];
  /** Includes may not reach outside this folder. Unset: no limit when trusted. */
  workspaceRoot?: string;
  /** An untrusted workspace may include only files under the template's own folder. Default true. */
  trusted?: boolean;
  /** Reads an included file; undefined means not found. Defaults to reading from disk. */
  readFile?: (absolutePath: string) => string | undefined;
}

/**
 * Builds the template model rules read. Synchronous, and does not throw: the whole build runs
 * inside a catch that turns a defect into a `model-failed` problem on an empty model. Anything
 * wrong with the template itself is reported in `problems`.
 */
export function buildModel(file: SourceFile, options: BuildOptions = {}): TemplateModel {
  const language = options.language ?? languageOf(file.path) ?? 'html';
  try {
    return build(file, language, options);
  } catch (error) {
    // A defect in the model builder must not stop the checker. The empty model carries the
    // reason, so the failure is visible rather than a silent "no findings".
    const model = emptyModel(file, language);
    const reason = error instanceof Error ? error.message : String(error);
    model.problems.push({ kind: 'parse', code: 'model-failed', data: { reason }, span: { file, start: 0, end: 0 } });
    return model;
  }
}

function build(file: SourceFile, language: TemplateLanguage, options: BuildOptions): TemplateModel {
  const syntaxes = options.mergeTagSyntaxes ?? [...ALL_MERGE_TAG_SYNTAXES];
  const contentEnd: ContentEnds = new WeakMap();
  const tagsByFile = new Map<SourceFile, RawMergeTag[]>();
  const decoders = new Map<SourceFile, ReturnType<typeof makeDecoder>>();
  const rawFiles = new Set<SourceFile>();
  const problems: ModelProblem[] = [];
  const includes: IncludeRef[] = [];

  const load = (source: SourceFile, raw: boolean): LoadedMarkup => {
    const tags = scanMergeTags(source.text, syntaxes);
    const decode = makeDecoder(tags);
    tagsByFile.set(source, tags);
    decoders.set(source, decode);
    if (raw) {
      rawFiles.add(source);
    }
    const parsed = parseMarkup(source, maskMergeTags(source.text, tags), decode, contentEnd);
    return { file: source, roots: parsed.roots };
  };

  const main = load(file, false);
  const includeContext: IncludeContext = {
    template: file,
    trusted: options.trusted ?? true,
    readFile: options.readFile ?? readFileFromDisk,
    load,
    includes,
    problems,
    cssIncludes: new Map(),
    files: new Map([[path.resolve(file.path), file]]),
  };
  if (options.workspaceRoot !== undefined) {
    includeContext.workspaceRoot = options.workspaceRoot;
  }
  if (language === 'mjml') {
    resolveIncludes(includeContext, main, [path.resolve(file.path)]);
  }
  const roots = main.roots;

  const { comments, stylesheet, mjmlAttributes } = collectHead(roots, includeContext.cssIncludes, contentEnd);
  const { hidden } = computeStyles(roots, stylesheet, mjmlAttributes);

  const decodedTexts = new WeakMap<TextNode, string>();
  const extraction: Extraction = {
    hidden,
    contentEnd,
    decodedText: (node) => {
      let decoded = decodedTexts.get(node);
      if (decoded === undefined) {
        const decode = decoders.get(node.span.file);
        decoded = decode ? decode(node.raw, node.span.start, false) : node.raw;
        decodedTexts.set(node, decoded);
      }
      return decoded;
    },
  };

  const { directive, problems: directiveProblems } = readDirective(comments.filter((comment) => comment.span.file === file));
  const files = [file, ...[...includeContext.files.values()].filter((candidate) => candidate !== file)];
  const content = extractContent(roots, documentElement(file, roots), extraction);

  return {
    file,
    language,
    roots,
    directive,
    subject: findSubject(roots, directive, extraction),
    preheader: findPreheader(roots, directive, extraction),
    textRuns: content.textRuns,
    links: content.links,
    images: content.images,
    headings: content.headings,
    mergeTags: placeMergeTags(roots, files, tagsByFile, rawFiles),
    blocks: extractBlocks(roots, extraction),
    comments,
    includes,
    problems: [...directiveProblems, ...problems, ...findParseProblems(roots)],
    files,
  };
}

/** Comments, style sheets and `mj-attributes`, gathered in document order. */
function collectHead(roots: readonly TemplateNode[], cssIncludes: ReadonlyMap<ElementNode, SourceFile>, contentEnd: ContentEnds): { comments: CommentNode[]; stylesheet: Stylesheet; mjmlAttributes: MjmlAttributes } {
  const comments: CommentNode[] = [];
  const stylesheet = new Stylesheet();
  const mjmlAttributes = new MjmlAttributes();

  walk(roots, (node) => {
    if (node.type === 'comment') {
      comments.push(node);
      return;
    }
    if (node.type !== 'element') {
      return;
    }
    if (node.name === 'style' || node.name === 'mj-style') {
      // Read from the source, because inside mj-style the parser splits comments and stray markup out.
      const end = contentEnd.get(node) ?? node.span.end;
      stylesheet.add(node.span.file.text.slice(node.openTagSpan.end, Math.max(end, node.openTagSpan.end)));
    } else if (node.name === 'mj-attributes') {
      mjmlAttributes.add(node);
    } else if (node.name === 'mj-include') {
      const css = cssIncludes.get(node);
      if (css) {
        stylesheet.add(css.text);
      }
    }
    return;
  });
  return { comments, stylesheet, mjmlAttributes };
}

/** Stands in as the element of text outside every element; not part of the tree. */
function documentElement(file: SourceFile, roots: TemplateNode[]): ElementNode {
  const span = { file, start: 0, end: file.text.length };
  return { type: 'element', name: '#document', attributes: [], children: roots, parent: null, span, openTagSpan: { file, start: 0, end: 0 }, style: {} };
}

function emptyModel(file: SourceFile, language: TemplateLanguage): TemplateModel {
  return {
    file,
    language,
    roots: [],
    directive: null,
    subject: null,
    preheader: null,
    textRuns: [],
    links: [],
    images: [],
    headings: [],
    mergeTags: [],
    blocks: [],
    comments: [],
    includes: [],
    problems: [],
    files: [file],
  };
}
