import { decodeHTMLAttribute } from 'entities';
import type { Span } from '../../model/source';

/** A URL as written in an attribute, split into the parts the PHI rules read. */
export interface UrlParts {
  /** Lower-case scheme without the colon, or undefined for a relative URL or a merge tag. */
  scheme?: string;
  /** Lower-case host without user info or port, or undefined when it is not literal. */
  host?: string;
  /** Decoded path, from the first `/` after the host up to `?` or `#`. */
  path: string;
  params: UrlParam[];
}

export interface UrlParam {
  /** Lower-case, percent-decoded name. */
  name: string;
  /** Percent-decoded value, `+` read as a space. */
  value: string;
  /** `name=value` in the source. */
  span: Span;
}

/** The separators of query parameters as written in HTML: `&`, `&amp;` and its numeric forms. */
const SEPARATOR = /&amp;|&#0*38;|&#x0*26;|&/gi;

/** Reads `raw`, the attribute value as written; `valueSpan` is where it sits in the source. */
export function parseUrl(raw: string, valueSpan: Span): UrlParts {
  const decoded = decodeHTMLAttribute(raw).trim();
  const parts: UrlParts = { path: '', params: [] };

  const origin = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/?#\s]*)/i.exec(decoded);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded);
  if (scheme) {
    parts.scheme = scheme[1].toLowerCase();
  }
  if (origin && !/[{}%*|<>[\]]/.test(origin[2])) {
    parts.host = origin[2].replace(/^.*@/, '').replace(/:\d*$/, '').toLowerCase().replace(/\.$/, '');
  }
  const afterOrigin = origin ? decoded.slice(origin[0].length) : decoded.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  parts.path = afterOrigin.replace(/[?#].*$/s, '');

  const query = queryRange(raw);
  if (query) {
    parts.params = readParams(raw, query[0], query[1], valueSpan);
  }
  return parts;
}

/** Returns `[start, end)` of the query string in `raw`, without `?` and the fragment. */
function queryRange(raw: string): [number, number] | undefined {
  const question = raw.indexOf('?');
  if (question < 0) {
    return undefined;
  }
  let end = raw.length;
  for (let hash = raw.indexOf('#', question); hash >= 0; hash = raw.indexOf('#', hash + 1)) {
    // `&#38;` is an encoded ampersand, not a fragment.
    if (raw[hash - 1] !== '&') {
      end = hash;
      break;
    }
  }
  return [question + 1, end];
}

function readParams(raw: string, start: number, end: number, valueSpan: Span): UrlParam[] {
  const params: UrlParam[] = [];
  const query = raw.slice(start, end);
  let cursor = 0;

  const push = (pieceStart: number, pieceEnd: number): void => {
    const piece = decodeHTMLAttribute(query.slice(pieceStart, pieceEnd));
    if (piece.trim() === '') {
      return;
    }
    const equals = piece.indexOf('=');
    const name = percentDecode(equals < 0 ? piece : piece.slice(0, equals)).toLowerCase();
    const value = equals < 0 ? '' : percentDecode(piece.slice(equals + 1));
    const sourceStart = valueSpan.start + start + pieceStart;
    params.push({ name, value, span: { file: valueSpan.file, start: sourceStart, end: sourceStart + (pieceEnd - pieceStart) } });
  };

  for (const separator of query.matchAll(SEPARATOR)) {
    push(cursor, separator.index);
    cursor = separator.index + separator[0].length;
  }
  push(cursor, query.length);
  return params;
}

function percentDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
