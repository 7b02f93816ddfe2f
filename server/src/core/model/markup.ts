import type * as Htmlparser2 from 'htmlparser2' with { 'resolution-mode': 'import' };
import type { SourceFile } from './source';
import type { CommentNode, ElementNode, TemplateNode, TextNode } from './types';
import { scanAttributes } from './attributes';
import type { Decoder } from './decode';

// htmlparser2 12 ships only as an ES module. Node 20.19+ can `require` it, but TypeScript's
// `node16` module setting refuses a static import of ESM from CommonJS, so it is loaded here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Parser } = require('htmlparser2') as typeof Htmlparser2;

/** A file's markup as a tree, with every node's span in that file. */
export interface ParsedMarkup {
  roots: TemplateNode[];
  /** Every element in document order. */
  elements: ElementNode[];
  comments: CommentNode[];
}

/** Offset of each explicitly closed element's end tag, which is where its content ends. */
export type ContentEnds = WeakMap<ElementNode, number>;

/**
 * Parses MJML or HTML into a tree with exact spans. `masked` is `file.text` with merge tags
 * blanked to the same length, so template code never changes the structure. Raw text and
 * attribute values are read back from the real text by offset.
 *
 * The tokenizer is htmlparser2's, used as an XML-like tokenizer that honours `/>` on any tag,
 * because MJML components self-close (`<mj-image … />`) and an HTML5 tree builder would nest
 * the rest of the document inside them.
 */
export function parseMarkup(file: SourceFile, masked: string, decode: Decoder, contentEnd: ContentEnds): ParsedMarkup {
  const roots: TemplateNode[] = [];
  const elements: ElementNode[] = [];
  const comments: CommentNode[] = [];
  const stack: ElementNode[] = [];

  const append = (node: TemplateNode): void => {
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  };

  const parser: Htmlparser2.Parser = new Parser(
    {
      onopentag(name, _attributes, isImplied) {
        let start = parser.startIndex;
        const tagEnd = parser.endIndex;

        // An implied start tag (`</p>` with no `<p>`) gets the span of the end tag that implied it.
        if (isImplied) {
          start = Math.max(0, masked.lastIndexOf('<', tagEnd));
        }
        const end = Math.min(tagEnd + 1, file.text.length);
        const nameEnd = Math.min(start + 1 + name.length, end);
        const element: ElementNode = {
          type: 'element',
          name,
          attributes: isImplied ? [] : scanAttributes(file, masked, nameEnd, tagEnd, decode),
          children: [],
          parent: stack[stack.length - 1] ?? null,
          span: { file, start, end },
          openTagSpan: { file, start, end },
          style: {},
        };
        append(element);
        elements.push(element);
        stack.push(element);
      },

      onclosetag(name, isImplied) {
        let index = stack.length - 1;
        while (index >= 0 && stack[index].name !== name) {
          index--;
        }
        if (index < 0) {
          return;
        }

        // Elements closed on the way (misnested or implied) end with their last content.
        while (stack.length - 1 > index) {
          closeImplicitly(stack.pop() as ElementNode);
        }
        const element = stack.pop() as ElementNode;
        if (isImplied) {
          closeImplicitly(element);
          return;
        }
        const closeStart = Math.max(element.openTagSpan.end, masked.lastIndexOf('<', parser.endIndex));
        const gt = masked.indexOf('>', parser.endIndex);
        element.span.end = gt === -1 ? file.text.length : gt + 1;
        contentEnd.set(element, closeStart);
      },

      ontext(data) {
        const end = parser.endIndex + 1;
        const start = end - data.length;
        const parent = stack[stack.length - 1];
        const siblings = parent ? parent.children : roots;
        const previous = siblings[siblings.length - 1];

        // The tokenizer may deliver one stretch of text in pieces (`a < b` comes as two).
        if (previous && previous.type === 'text' && previous.span.end === start) {
          previous.span.end = end;
          previous.raw = file.text.slice(previous.span.start, end);
          return;
        }
        const text: TextNode = { type: 'text', raw: file.text.slice(start, end), parent: parent ?? null, span: { file, start, end } };
        append(text);
      },

      oncomment(data) {
        const start = parser.startIndex;
        const end = Math.min(parser.endIndex + 1, file.text.length);
        const bodyStart = findCommentBody(masked, start, data);
        const bodyEnd = Math.min(bodyStart + data.length, end);
        const comment: CommentNode = {
          type: 'comment',
          body: file.text.slice(bodyStart, bodyEnd),
          parent: stack[stack.length - 1] ?? null,
          span: { file, start, end },
          bodySpan: { file, start: bodyStart, end: bodyEnd },
        };
        append(comment);
        comments.push(comment);
      },
    },
    { decodeEntities: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  parser.end(masked);

  // Whatever is still open at the end of the file ends with its content.
  while (stack.length > 0) {
    closeImplicitly(stack.pop() as ElementNode);
  }
  return { roots, elements, comments };
}

function closeImplicitly(element: ElementNode): void {
  const last = element.children[element.children.length - 1];
  element.span.end = Math.max(element.openTagSpan.end, last ? last.span.end : 0);
}

/**
 * Finds where a comment's body starts: after `<!--`, after `<!` for bogus comments
 * (`<![if mso]>`, `<![CDATA[…]]>`), or after `<` for processing instructions (`<?php … ?>`).
 */
function findCommentBody(masked: string, start: number, data: string): number {
  for (const opener of [4, 2, 1]) {
    if (masked.startsWith(data, start + opener)) {
      return start + opener;
    }
  }
  return Math.min(start + 4, masked.length);
}
