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
  /** Encoding, notices, bytes read and skipped records; complete once `batches` is exhausted. */
  state: CsvReadState;
  /** Records in file order, in batches of what the parser has ready. */
  batches: AsyncGenerator<CsvRecord[]>;
}

export interface CsvReadState extends DecodeState {
  /** Records the parser could not read (an unclosed quote) and left out. */
  skippedRecords: number;
}

// Notices about skipped records stop after this many; the count goes on.
const MAX_SKIP_NOTICES = 5;

/** A record the parser skipped: how many records it had produced before, and the line it reached. */
interface Skip {
  recordsBefore: number;
  lastLine: number;
  error: CsvError;
}

export async function openCsv(source: AsyncIterable<Buffer | string>, signal?: AbortSignal): Promise<CsvReader> {
  const state: CsvReadState = { encoding: 'utf-8', notices: [], bytes: 0, skippedRecords: 0 };
  const sniffed = await sniffDelimiter(decodeToUtf8(source, state));
  // The parser reports a skip while parsing, ahead of the records handed out. So `batches`
  // places each skip by record count, because only there is the record's start line known.
  const skips: Skip[] = [];

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
      if (!error) return;
      // csv-parse counts only the records it produced, so `records` is the skipped record's index.
      skips.push({ recordsBefore: Number(error.records ?? 0), lastLine: Number(error.lines ?? 0) + sniffed.skippedLines, error });
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
    let produced = 0;
    // Skips that sit before the next record (or at the end of the file): the skipped record
    // starts where the next record would have, and counting resumes after its last line.
    const passSkips = () => {
      while (skips.length > 0 && skips[0].recordsBefore <= produced) {
        const skip = skips.shift()!;
        state.skippedRecords++;
        if (state.skippedRecords <= MAX_SKIP_NOTICES) state.notices.push(describeSkip(next, skip));
        next = Math.max(next, skip.lastLine) + 1;
      }
    };

    for (;;) {
      const batch: CsvRecord[] = [];
      let record: string[] | null;
      while ((record = parser.read() as string[] | null) !== null) {
        passSkips();
        produced++;
        const line = next;
        next += 1 + lineBreaks(record);
        if (record.length === 1 && record[0] === '') continue;
        batch.push({ line, cells: record });
      }
      if (batch.length > 0) yield batch;
      if (!(await moreData(parser))) break;
    }
    passSkips();
    if (state.skippedRecords > MAX_SKIP_NOTICES) {
      state.notices.push(`${state.skippedRecords} records in all were skipped because their quoting could not be read.`);
    }
  }

  return { delimiter: sniffed.delimiter, state, batches: batches() };
}

/** Says which lines a skipped record covered and why, in terms of the file, not the parser. */
function describeSkip(startLine: number, skip: Skip): string {
  const span = skip.lastLine > startLine ? `lines ${startLine} to ${skip.lastLine} were` : `line ${startLine} was`;
  if (skip.error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `The record starting on line ${startLine} opens a quote that is never closed, so ${span} read as one record and skipped. Close or remove that quote.`;
  }
  return `The record starting on line ${startLine} was skipped (${span} left out): ${skip.error.message}`;
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
