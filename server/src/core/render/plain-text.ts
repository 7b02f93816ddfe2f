import { convert, type HtmlToTextOptions } from 'html-to-text';

/**
 * Options for the plain-text part as a sender would generate it from the HTML. Lines wrap at
 * 78 characters, the RFC 5322 recommendation. Links read `text [url]`, images are left out and
 * headings keep their case.
 */
const OPTIONS: HtmlToTextOptions = {
  wordwrap: 78,
  selectors: [
    { selector: 'a', options: { linkBrackets: ['[', ']'], hideLinkIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

export function plainTextPart(html: string): string {
  // Layout tables leave runs of empty blocks; a reader sees at most one blank line.
  return convert(html, OPTIONS).replace(/\n{3,}/g, '\n\n').trim();
}
