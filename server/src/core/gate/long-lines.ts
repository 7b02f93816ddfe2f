/**
 * RFC 5322 2.1.1: a line of a message must not exceed 998 octets, not counting CRLF. MTAs
 * that meet a longer one break it, often mid-tag or mid-URL, which corrupts the HTML.
 * ESPs that send quoted-printable or base64 bodies avoid this; not every ESP does.
 */
export const MAX_LINE_OCTETS = 998;

export interface LongLines {
  count: number;
  /** 1-based number and length in octets of the first line over the limit. */
  first?: { line: number; octets: number };
}

export function findLongLines(html: string): LongLines {
  const result: LongLines = { count: 0 };
  const lines = html.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].endsWith('\r') ? lines[index].slice(0, -1) : lines[index];
    // Only a line with more UTF-16 units than the limit / 3 can exceed it in UTF-8.
    if (line.length * 3 <= MAX_LINE_OCTETS) {
      continue;
    }
    const octets = Buffer.byteLength(line, 'utf8');
    if (octets > MAX_LINE_OCTETS) {
      result.count++;
      result.first ??= { line: index + 1, octets };
    }
  }
  return result;
}
