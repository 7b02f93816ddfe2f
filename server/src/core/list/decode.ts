import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { ListInputError } from './errors';
import type { ListEncoding } from './types';

/**
 * Turns the bytes of a list into UTF-8 bytes for the CSV parser, whatever the file's encoding.
 *
 * Decision in one pass, no pre-scan (so a piped stream works like a file): the file is UTF-8
 * until the first non-ASCII byte sequence says otherwise. If that first sequence is not valid
 * UTF-8, everything read so far was ASCII, which Windows-1252 decodes identically, so the whole
 * file is decoded as Windows-1252 (what Excel writes on Western-locale Windows). If valid UTF-8
 * came first and invalid bytes appear later, the file mixes encodings: it stays UTF-8, the bad
 * bytes become U+FFFD, and addresses containing one fail the syntax check instead of being
 * silently changed. UTF-8 passes through without decoding; the parser decodes fields itself.
 */

export interface DecodeState {
  encoding: ListEncoding;
  notices: string[];
  bytes: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export async function* decodeToUtf8(source: AsyncIterable<Buffer | string>, state: DecodeState): AsyncGenerator<Buffer> {
  let first = true;
  let mode: 'undecided' | 'utf-8' | 'mixed' | 'text' = 'undecided';
  let decoder: TextDecoder | undefined;
  // Bytes of a UTF-8 sequence cut by a chunk boundary, validated with the next chunk.
  let pending: Buffer = Buffer.alloc(0);

  for await (let chunk of withHead(source, state)) {
    if (first) {
      first = false;
      const start = detectBom(chunk, state);
      if (start === -1) {
        throw new ListInputError(noTextMessage());
      }
      chunk = chunk.subarray(start);
      if (state.encoding === 'utf-16le' || state.encoding === 'utf-16be') {
        decoder = new TextDecoder(state.encoding);
        mode = 'text';
      }
    }

    if (mode === 'text') {
      yield Buffer.from(decoder!.decode(chunk, { stream: true }), 'utf8');
      continue;
    }
    if (mode === 'mixed') {
      yield chunk;
      continue;
    }

    const whole = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    const cut = whole.length - incompleteTail(whole);
    const complete = whole.subarray(0, cut);
    pending = Buffer.from(whole.subarray(cut));

    if (isUtf8(complete)) {
      if (mode === 'undecided' && !isAscii(complete)) mode = 'utf-8';
      if (complete.length > 0) yield complete;
      continue;
    }

    pending = Buffer.alloc(0);
    if (mode === 'undecided' && !startsWithUtf8(whole)) {
      state.encoding = 'windows-1252';
      state.notices.push('The file is not valid UTF-8; it was read as Windows-1252. Save it as "CSV UTF-8" to avoid guessing.');
      decoder = new TextDecoder('windows-1252');
      mode = 'text';
      yield Buffer.from(decoder.decode(whole, { stream: true }), 'utf8');
      continue;
    }

    mode = 'mixed';
    state.notices.push('The file mixes UTF-8 with bytes that are not UTF-8; those bytes were read as U+FFFD, and addresses containing them are invalid.');
    yield whole;
  }

  if (mode === 'text') {
    const tail = decoder!.decode();
    if (tail) yield Buffer.from(tail, 'utf8');
  } else if (pending.length > 0) {
    // A sequence cut off by the end of the file; the parser turns it into U+FFFD.
    yield pending;
  }
}

/** Counts bytes and makes the first chunk at least four bytes long, for byte order mark detection. */
async function* withHead(source: AsyncIterable<Buffer | string>, state: DecodeState): AsyncGenerator<Buffer> {
  let head: Buffer | undefined = Buffer.alloc(0);
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    state.bytes += chunk.length;
    if (!head) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length >= 4) {
      yield head;
      head = undefined;
    }
  }
  if (head && head.length > 0) yield head;
}

/** Sets the encoding from a byte order mark and returns where the text starts, or -1 for binary data. */
function detectBom(bytes: Buffer, state: DecodeState): number {
  if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) {
    state.encoding = 'utf-8-bom';
    return 3;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    state.encoding = 'utf-16le';
    return 2;
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    state.encoding = 'utf-16be';
    return 2;
  }

  // A NUL byte never occurs in a text CSV in an 8-bit encoding; UTF-16 without a byte order
  // mark and binary files are full of them.
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0) ? -1 : 0;
}

function noTextMessage(): string {
  return 'The file is not a text CSV: it contains NUL bytes (a binary file, or UTF-16 without a byte order mark). Export it from the spreadsheet as "CSV UTF-8".';
}

/** Returns true when the first non-ASCII bytes form a valid UTF-8 sequence, the first evidence of the file's encoding. */
function startsWithUtf8(bytes: Buffer): boolean {
  let index = 0;
  while (index < bytes.length && bytes[index] < 0x80) index++;
  const lead = bytes[index];
  return isUtf8(bytes.subarray(index, index + sequenceLength(lead)));
}

/** Returns the length of the UTF-8 sequence a lead byte starts, or 1 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Length of a UTF-8 sequence at the end of `bytes` that the next chunk has to complete. */
function incompleteTail(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    return sequenceLength(byte) > back ? back : 0;
  }
  return 0;
}
