import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, realpath, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { csvLine } from './csv-write';
import { ListInputError } from './errors';
import type { RowResult } from './types';

/**
 * Writes `sendable.csv` (rows judged ok or review) and `excluded.csv` (the rest, with a
 * `presend_reason` column) into a folder, in the source's delimiter, with a byte order mark
 * when the source had one. Nothing else is written there.
 */

export const SENDABLE_FILE = 'sendable.csv';
export const EXCLUDED_FILE = 'excluded.csv';
export const REASON_COLUMN = 'presend_reason';

export interface SplitWriter {
  onHeader(headers: readonly string[], format: { delimiter: string; bom: boolean }): void;
  onRow(row: RowResult, cells: readonly string[]): void | Promise<void>;
  /** Finishes both files. */
  close(): Promise<void>;
  /** Removes both files after a failed run, so no half-written list is mistaken for a result. */
  abort(): Promise<void>;
}

export class OutputPathError extends ListInputError {}

/**
 * Prepares the output folder. `protectedPaths` (the list, the suppression file) must never be
 * overwritten; a clash is refused before anything is written.
 */
export async function writeSplit(dir: string, protectedPaths: readonly string[]): Promise<SplitWriter> {
  await mkdir(dir, { recursive: true });
  const sendablePath = join(dir, SENDABLE_FILE);
  const excludedPath = join(dir, EXCLUDED_FILE);
  const guarded = new Set(await Promise.all(protectedPaths.map(canonical)));
  for (const output of [sendablePath, excludedPath]) {
    if (guarded.has(await canonical(output))) {
      throw new OutputPathError(`Refusing to write ${output}: it is the list being verified. Choose another --out folder.`);
    }
  }

  let delimiter = ',';
  let sendable: WriteStream | undefined;
  let excluded: WriteStream | undefined;

  const write = (stream: WriteStream, text: string): void | Promise<void> => {
    if (stream.write(text)) return undefined;
    return new Promise((done) => stream.once('drain', done));
  };

  return {
    onHeader(headers, format) {
      delimiter = format.delimiter;
      const bom = format.bom ? '\uFEFF' : '';
      sendable = createWriteStream(sendablePath);
      excluded = createWriteStream(excludedPath);
      sendable.write(bom + csvLine(headers, delimiter));
      excluded.write(bom + csvLine([...headers, REASON_COLUMN], delimiter));
    },
    onRow(row, cells) {
      if (row.verdict === 'exclude') return write(excluded!, csvLine([...cells, row.reasons.join(' ')], delimiter));
      return write(sendable!, csvLine(cells, delimiter));
    },
    async close() {
      await Promise.all([sendable, excluded].map((stream) => stream && finish(stream)));
    },
    async abort() {
      await Promise.all([sendable, excluded].map((stream) => stream && finish(stream).catch(() => undefined)));
      await Promise.all([sendablePath, excludedPath].map((path) => rm(path, { force: true })));
    },
  };
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((done, fail) => {
    stream.once('error', fail);
    stream.end(() => done());
  });
}

/** Resolves the real path of a file, or for one that does not exist yet, its real folder plus its name. */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const folder = await realpath(dirname(path)).catch(() => resolve(dirname(path)));
    return join(folder, basename(path));
  }
}
