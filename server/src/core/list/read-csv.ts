import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError, type Parser } from 'csv-parse';
import { decodeToUtf8, type DecodeState } from './decode';
import { sniffDelimiter } from './sniff';

/**
 * Streams the records of a CSV file with their physical start lines, in constant memory.
 * Records are arrays (no `columns` mapping in the parser) so the caller sees duplicate header
 * names instead of csv-parse merging them. Blank lines are dropped; a record the parser cannot
 * make sense of (a stray quote) is skipped with a notice rather than ending the read.
 */

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvReader {
  delimiter: string;
  /** Encoding, notices and bytes read; complete once `records` is exhausted. */
  state: DecodeState;
  /** Records in file order, in batches of what the parser has ready. */
  batches: AsyncGenerator<CsvRecord[]>;
}

// Notices about skipped records stop after this many; the count goes on.
const MAX_SKIP_NOTICES = 5;

export async function openCsv(source: AsyncIterable<Buffer | string>, signal?: AbortSignal): Promise<CsvReader> {
  const state: DecodeState = { encoding: 'utf-8', notices: [], bytes: 0 };
  const sniffed = await sniffDelimiter(decodeToUtf8(source, state));
  let skipped = 0;
  // Set when the parser skips a record: the line it reached, where counting resumes.
  let resync: number | undefined;

  const parser = parse({
    delimiter: sniffed.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    // Spaces before an opening quote (`a, "b"`) are common in hand-edited lists. Without ltrim
    // the quote would be literal, so a quoted line break would split the record.
    ltrim: true,
    skip_records_with_error: true,
    skip_empty_lines: false,
    on_skip: (error: CsvError | undefined) => {
      skipped++;
      if (error?.lines !== undefined) resync = Number(error.lines) + sniffed.skippedLines;
      if (skipped <= MAX_SKIP_NOTICES && error) {
        state.notices.push(`A record near line ${Number(error.lines ?? 0) + sniffed.skippedLines} was skipped: ${error.message}`);
      }
    },
  });

  const input = Readable.from(sniffed.chunks, { objectMode: false });
  pipeline(input, parser, () => undefined);
  signal?.addEventListener('abort', () => parser.destroy(signal.reason as Error), { once: true });

  // Lines are counted here rather than with csv-parse's `info` option, which copies the
  // parser's state for every record and tripled parsing time: a record spans one line plus
  // the line breaks inside its quoted cells. Records are handed out in batches of what the
  // parser has ready, because one promise per record cost as much as the parsing itself.
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    let next = sniffed.skippedLines + 1;
    for (;;) {
      const batch: CsvRecord[] = [];
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        if (resync !== undefined) {
          next = resync + 1;
          resync = undefined;
        }
        const line = next;
        next += 1 + lineBreaks(record);
        if (record.length === 1 && record[0] === '') continue;
        batch.push({ line, cells: record });
      }
      if (batch.length > 0) yield batch;
      if (!(await moreData(parser))) break;
    }
    if (skipped > MAX_SKIP_NOTICES) {
      state.notices.push(`${skipped} records in all were skipped because their quoting could not be read.`);
    }
  }

  return { delimiter: sniffed.delimiter, state, batches: batches() };
}

/** Waits until the parser has records to read (true) or has ended (false); rejects on its error. */
function moreData(parser: Parser): Promise<boolean> {
  if (parser.readableEnded) return Promise.resolve(false);
  if (parser.errored) return Promise.reject(parser.errored);
  return new Promise((resolve, reject) => {
    const settle = (value: boolean | Error) => {
      parser.off('readable', onReadable);
      parser.off('end', onEnd);
      parser.off('error', onError);
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const onReadable = () => settle(true);
    const onEnd = () => settle(false);
    const onError = (error: Error) => settle(error);
    parser.on('readable', onReadable);
    parser.on('end', onEnd);
    parser.on('error', onError);
  });
}

/** Line breaks inside a record's cells; CRLF counts once. */
function lineBreaks(cells: string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    count += cell.match(/\r\n|\r|\n/g)!.length;
  }
  return count;
}
