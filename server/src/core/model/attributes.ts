import type { SourceFile } from './source';
import type { Attribute } from './types';
import type { Decoder } from './decode';

/**
 * Reads the attributes of one start tag with their exact spans. htmlparser2 reports attribute
 * names and values but not their offsets, so the tag's text is scanned again here with the
 * grammar of its tokenizer. Names end at whitespace, `/`, `>` or `=`. Quoted values may contain
 * `>`, unquoted values end at whitespace or `>`, and a name without `=` is valueless.
 *
 * `masked` is the file's text with merge tags blanked, so quotes inside a tag do not count;
 * names and values are taken from the real text.
 */
export function scanAttributes(file: SourceFile, masked: string, nameEnd: number, tagEnd: number, decode: Decoder): Attribute[] {
  const attributes: Attribute[] = [];
  const seen = new Set<string>();
  let i = nameEnd;

  while (i < tagEnd) {
    const char = masked[i];
    if (isSpace(char) || char === '/') {
      i++;
      continue;
    }

    const nameStart = i;
    i++;
    while (i < tagEnd && !isSpace(masked[i]) && masked[i] !== '/' && masked[i] !== '=') {
      i++;
    }
    const nameStop = i;
    while (i < tagEnd && isSpace(masked[i])) {
      i++;
    }

    let valueStart = nameStop;
    let valueEnd = nameStop;
    if (masked[i] === '=') {
      i++;
      while (i < tagEnd && isSpace(masked[i])) {
        i++;
      }
      const quote = masked[i];
      if (quote === '"' || quote === "'") {
        valueStart = i + 1;
        const close = masked.indexOf(quote, valueStart);
        valueEnd = close === -1 || close > tagEnd ? tagEnd : close;
        i = valueEnd + 1;
      } else {
        valueStart = i;
        while (i < tagEnd && !isSpace(masked[i])) {
          i++;
        }
        valueEnd = i;
      }
    } else {
      // A valueless attribute; the next name starts where the whitespace ended.
      i = Math.max(i, nameStop);
    }

    const name = file.text.slice(nameStart, nameStop).toLowerCase();

    // Browsers keep the first of duplicated attributes; so does htmlparser2.
    if (seen.has(name)) {
      continue;
    }
    seen.add(name);
    const value = file.text.slice(valueStart, valueEnd);
    attributes.push({
      name,
      value,
      decoded: decode(value, valueStart, true),
      nameSpan: { file, start: nameStart, end: nameStop },
      valueSpan: { file, start: valueStart, end: valueEnd },
    });
  }
  return attributes;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';
}
