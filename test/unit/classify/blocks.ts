import type { ClassifierBlock } from '../../../server/src/core/classify/types';

/**
 * A small htmlparser2-based block extractor for the classifier's tests, so they can score
 * HTML and MJML files before the real model builder exists. It splits text at block-level
 * elements, skips `<head>`, `<mj-head>`, styles, scripts and inline `display:none` content,
 * and reads the subject from `<mj-title>` or `<title>`.
 *
 * NOTE: it resolves no `mj-include` and computes no CSS beyond inline `display:none`, so
 * partials and class-hidden preheaders are not seen. The model's blocks replace it later.
 */

export interface ExtractedTemplate {
  subject?: string;
  blocks: ClassifierBlock[];
}

type BlockKind = ClassifierBlock['kind'];

const KIND_BY_TAG: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  div: 'paragraph',
  blockquote: 'paragraph',
  pre: 'paragraph',
  'mj-text': 'paragraph',
  'mj-raw': 'paragraph',
  li: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
  'mj-button': 'button',
  section: 'section',
  article: 'section',
  header: 'section',
  footer: 'section',
  body: 'section',
  'mj-body': 'section',
  'mj-section': 'section',
  'mj-column': 'section',
  'mj-wrapper': 'section',
  'mj-hero': 'section',
};

/** Elements whose content is never part of the visible body. */
const SKIPPED = new Set(['head', 'mj-head', 'style', 'script', 'mj-style', 'mj-attributes', 'title', 'mj-title', 'mj-preview', 'noscript', 'template']);

interface OpenBlock {
  kind: BlockKind;
  text: string;
}

/** Parses `source` and returns its subject (if any) and its visible text blocks in reading order. */
export async function extractBlocks(source: string): Promise<ExtractedTemplate> {
  // htmlparser2 12 ships only as an ES module, which a CommonJS test file reaches through import().
  const { Parser } = await import('htmlparser2');

  const blocks: ClassifierBlock[] = [];
  const stack: OpenBlock[] = [{ kind: 'section', text: '' }];
  // One entry per open element: whether it opened a block, and whether it hides its content.
  const elements: { block: boolean; skip: boolean }[] = [];
  let skipDepth = 0;
  let subject: string | undefined;
  let subjectBuffer: string | null = null;

  const flush = (open: OpenBlock): void => {
    const text = open.text.replace(/\s+/g, ' ').trim();
    open.text = '';
    if (text !== '') blocks.push({ index: blocks.length, kind: open.kind, text });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hidden = /display\s*:\s*none|mso-hide\s*:\s*all/i.test(attributes.style ?? '') || 'hidden' in attributes;
        const skip = SKIPPED.has(name) || hidden;
        if (name === 'title' || name === 'mj-title') subjectBuffer = '';
        if (skip) skipDepth++;

        const kind = blockKind(name, attributes);
        if (kind !== undefined && skipDepth === 0) {
          flush(stack[stack.length - 1]);
          stack.push({ kind, text: '' });
        }
        elements.push({ block: kind !== undefined && skipDepth === 0, skip });

        if (name === 'br' && skipDepth === 0) stack[stack.length - 1].text += ' ';
      },
      ontext(text) {
        if (subjectBuffer !== null) subjectBuffer += text;
        if (skipDepth === 0) stack[stack.length - 1].text += text;
      },
      onclosetag(name) {
        const element = elements.pop();
        if (element === undefined) return;
        if (element.block) flush(stack.pop() as OpenBlock);
        if (element.skip) skipDepth--;
        if ((name === 'title' || name === 'mj-title') && subjectBuffer !== null) {
          const text = subjectBuffer.replace(/\s+/g, ' ').trim();
          if (text !== '' && subject === undefined) subject = text;
          subjectBuffer = null;
        }
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  while (stack.length > 0) flush(stack.pop() as OpenBlock);

  return { subject, blocks };
}

function blockKind(name: string, attributes: Record<string, string>): BlockKind | undefined {
  // Links styled as buttons are buttons to a reader; the class name is the usual tell.
  if (name === 'a' && /\b(btn|button|cta)\b/i.test(attributes.class ?? '')) return 'button';
  return KIND_BY_TAG[name];
}
