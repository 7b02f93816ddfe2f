/**
 * Finds the delimiter before parsing starts, from the header line: Excel writes `;` in
 * locales where the decimal mark is a comma, and tab when saving "Unicode text". A first line
 * `sep=;` (Excel's own hint) names it outright and is not part of the data.
 */

export interface SniffResult {
  delimiter: string;
  /** Physical lines consumed before the header (1 when a `sep=` line was stripped). */
  skippedLines: number;
  /** The data from the header line on. */
  chunks: AsyncGenerator<Buffer>;
}

const CANDIDATES = [',', ';', '\t'];
// A header line longer than this is not a header; parse with the default and let rows speak.
const MAX_HEADER_BYTES = 1 << 20;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export async function sniffDelimiter(source: AsyncIterable<Buffer>): Promise<SniffResult> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let buffered = Buffer.alloc(0);
  let done = false;

  async function readLine(from: number): Promise<number> {
    for (;;) {
      const end = lineEnd(buffered, from);
      if (end !== -1 || done || buffered.length - from > MAX_HEADER_BYTES) return end === -1 ? buffered.length : end;
      const next = await iterator.next();
      if (next.done) {
        done = true;
      } else {
        parts.push(next.value);
        buffered = Buffer.concat([buffered, next.value]);
      }
    }
  }

  let start = 0;
  let skippedLines = 0;
  let delimiter: string | undefined;

  let end = await readLine(0);
  const sep = /^sep=(.)\s*$/i.exec(buffered.subarray(0, end).toString('utf8'));
  if (sep) {
    delimiter = sep[1];
    skippedLines = 1;
    start = afterLineBreak(buffered, end);
    end = await readLine(start);
  }
  delimiter ??= mostFrequent(buffered.subarray(start, end));

  const head = buffered.subarray(start);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    while (!done) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }

  return { delimiter, skippedLines, chunks: rest() };
}

/** Index of the first CR or LF outside double quotes at or after `from`, or -1. */
function lineEnd(bytes: Buffer, from: number): number {
  let quoted = false;
  for (let index = from; index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) return index;
  }
  return -1;
}

function afterLineBreak(bytes: Buffer, end: number): number {
  if (bytes[end] === CR && bytes[end + 1] === LF) return end + 2;
  return Math.min(end + 1, bytes.length);
}

function mostFrequent(line: Buffer): string {
  const counts = new Map(CANDIDATES.map((candidate) => [candidate.charCodeAt(0), 0]));
  let quoted = false;
  for (const byte of line) {
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && counts.has(byte)) counts.set(byte, counts.get(byte)! + 1);
  }

  // Ties go to the earlier candidate, so a one-column file parses with a comma.
  let best = CANDIDATES[0];
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate.charCodeAt(0))!;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
