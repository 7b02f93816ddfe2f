import * as fs from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse';
import { verifyList } from '../../server/src/core/list/verify';
import type { ListSummary } from '../../server/src/core/list/types';
import type { GeneratedList } from './inputs/lists';

/**
 * The list contenders, shared by the in-process runs and the child processes that measure
 * peak memory: Presend's verification and csv-parse reading the same file alone.
 */

/** Presend without DNS, as the CLI runs it on a marketing send: suppression list, rows not kept. */
export async function presendVerify(list: Pick<GeneratedList, 'path' | 'suppressionPath'>): Promise<ListSummary> {
  const report = await verifyList(
    { path: list.path },
    { template: { category: 'marketing' }, suppression: { path: list.suppressionPath }, collectRows: false },
  );
  return report.summary;
}

/**
 * csv-parse on a file stream, records as arrays, read with `read()` as they become readable:
 * the fastest way to drain it, and how Presend's own reader drains it.
 */
export async function csvParseRead(file: string): Promise<number> {
  const parser = fs.createReadStream(file).pipe(parse());
  let records = 0;
  const done = once(parser, 'end');
  parser.on('readable', () => {
    while (parser.read() !== null) records++;
  });
  await done;
  return records;
}

/** csv-parse as its documentation shows it: `for await` over the parser, one record at a time. */
export async function csvParseForAwait(file: string): Promise<number> {
  let records = 0;
  for await (const record of fs.createReadStream(file).pipe(parse())) {
    if (record) records++;
  }
  return records;
}
