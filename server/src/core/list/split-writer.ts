import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { csvLine, neutraliseFormula } from './csv-write';
import { ListInputError } from './errors';
import type { RowResult } from './types';

/**
 * Writes `sendable.csv` (rows judged ok or review) and `excluded.csv` (the rest, with a
 * `presend_reason` column) into a folder, in UTF-8 and the source's delimiter, with a byte
 * order mark when the source was not plain UTF-8 (see `needsBom`). Nothing else is written
 * there, apart from a moment's temporary file when a mark has to be added at the end.
 */

export const SENDABLE_FILE = 'sendable.csv';
export const EXCLUDED_FILE = 'excluded.csv';
export const REASON_COLUMN = 'presend_reason';

export interface SplitWriter {
  onHeader(headers: readonly string[], format: { delimiter: string; bom: boolean }): void;
  onRow(row: RowResult, cells: readonly string[]): void | Promise<void>;
  /**
   * Finishes both files. `bom` is the final decision on the byte order mark, from the encoding
   * of the whole source, because a Windows-1252 byte can first appear after the header was written.
   */
  close(final?: { bom: boolean }): Promise<void>;
  /** Addresses in sendable.csv that got a leading `'` so spreadsheets do not run them as formulas. */
  readonly neutralisedAddresses: number;
  /** Removes both files after a failed run, so no half-written list is mistaken for a result. */
  abort(): Promise<void>;
}

export class OutputPathError extends ListInputError {}

/**
 * Prepares the output folder. `protectedPaths` (the list, the suppression file) must never be
 * overwritten; a clash is refused before anything is written.
 */
export async function writeSplit(dir: string, protectedPaths: readonly string[]): Promise<SplitWriter> {
  await makeFolder(dir);
  const sendablePath = join(dir, SENDABLE_FILE);
  const excludedPath = join(dir, EXCLUDED_FILE);
  const guarded = new Set(await Promise.all(protectedPaths.map(canonical)));
  for (const output of [sendablePath, excludedPath]) {
    if (guarded.has(await canonical(output))) {
      throw new OutputPathError(`Refusing to write ${output}: it is the list being verified. Choose another --out folder.`);
    }
  }

  let delimiter = ',';
  let bomWritten = false;
  let neutralisedAddresses = 0;
  let sendable: WriteStream | undefined;
  let excluded: WriteStream | undefined;

  const write = (stream: WriteStream, text: string): void | Promise<void> => {
    if (stream.write(text)) return undefined;
    return new Promise((done) => stream.once('drain', done));
  };

  return {
    get neutralisedAddresses() {
      return neutralisedAddresses;
    },
    onHeader(headers, format) {
      delimiter = format.delimiter;
      bomWritten = format.bom;
      const bom = format.bom ? '\uFEFF' : '';
      sendable = createWriteStream(sendablePath);
      excluded = createWriteStream(excludedPath);
      sendable.write(bom + csvLine(headers, delimiter));
      excluded.write(bom + csvLine([...headers, REASON_COLUMN], delimiter));
    },
    onRow(row, cells) {
      if (row.verdict === 'exclude') return write(excluded!, csvLine([...cells, row.reasons.join(' ')], delimiter));
      if (neutraliseFormula(row.email) !== row.email) neutralisedAddresses++;
      return write(sendable!, csvLine(cells, delimiter));
    },
    async close(final) {
      await Promise.all([sendable, excluded].map((stream) => stream && finish(stream)));
      if (sendable && final?.bom && !bomWritten) {
        await Promise.all([sendablePath, excludedPath].map(prependBom));
      }
    },
    async abort() {
      await Promise.all([sendable, excluded].map((stream) => stream && finish(stream).catch(() => undefined)));
      await Promise.all([sendablePath, excludedPath].map((path) => rm(path, { force: true })));
    },
  };
}

/** Creates the output folder, and rejects a path that is a file with a message asking for a folder. */
async function makeFolder(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new OutputPathError(`${dir} is a file, not a folder. --out names the folder that receives sendable.csv and excluded.csv; give a folder (it is created when missing).`);
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new OutputPathError(`Cannot create the folder ${dir}: part of its path is a file. Give a folder for --out.`);
    }
    throw new OutputPathError(`Cannot create the folder ${dir}: ${(error as Error).message}. Give a folder you can write to for --out.`);
  }
}

/** Rewrites a finished file with a UTF-8 byte order mark in front, through a temporary file beside it. */
async function prependBom(path: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.presend-tmp`);
  const output = createWriteStream(temporary);
  output.write('\uFEFF');
  try {
    await pipeline(createReadStream(path), output);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
