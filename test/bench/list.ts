import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { validate } from 'deep-email-validator';
import { REASON_IDS, type ListSummary } from '../../server/src/core/list/types';
import type { GeneratedList } from './inputs/lists';
import { csvParseForAwait, csvParseRead, presendVerify } from './list-runners';
import { megabytes, ms, ratio, table, type BenchSection } from './report';
import { median, medianOf, timeRounds } from './timing';

/**
 * Measurement 4: recipient list verification without DNS against csv-parse reading the same
 * file alone, and against deep-email-validator with its network checks off. The 1-million-row
 * runs happen in child processes, one per run, for clean peak-memory figures.
 */

const SAMPLE = 10_000;
const CHILD_ROUNDS = 3;
const run = promisify(execFile);

interface ChildResult {
  elapsedMs: number;
  rows: number;
  peakRssBytes: number;
}

export async function benchList(small: GeneratedList, large: GeneratedList): Promise<BenchSection> {
  // 100 thousand rows, in this process.
  let summary: ListSummary | undefined;
  const timings = await timeRounds(
    [
      { name: 'presend', run: async () => (summary = await presendVerify(small)) },
      { name: 'csv-read', run: () => csvParseRead(small.path) },
      { name: 'csv-for-await', run: () => csvParseForAwait(small.path) },
    ],
    { warmup: 0, runs: 5 },
  );
  const presend = medianOf(timings, 'presend');
  const csvRead = medianOf(timings, 'csv-read');
  const csvForAwait = medianOf(timings, 'csv-for-await');
  process.stdout.write(`  list ${small.rows} rows: Presend ${ms(presend)}, csv-parse ${ms(csvRead)} (for await ${ms(csvForAwait)})\n`);

  // deep-email-validator, per address, on a sample.
  const sample = firstAddresses(small.path, SAMPLE);
  const validateAll = async (addresses: string[]) => {
    for (const email of addresses) {
      await validate({ email, validateRegex: true, validateMx: false, validateTypo: true, validateDisposable: true, validateSMTP: false });
    }
  };
  await validateAll(sample.slice(0, 1000));
  const deepStarted = performance.now();
  await validateAll(sample);
  const deepPerAddress = (performance.now() - deepStarted) / sample.length;
  const presendPerAddress = presend / small.rows;
  process.stdout.write(`  deep-email-validator: ${ms(deepPerAddress)} per address; Presend ${ms(presendPerAddress)} per row\n`);

  // 1 million rows, one child process per run.
  const idle = await child('idle', large);
  const presendRuns: ChildResult[] = [];
  const csvRuns: ChildResult[] = [];
  for (let round = 0; round < CHILD_ROUNDS; round++) {
    presendRuns.push(await child('presend', large));
    csvRuns.push(await child('csv-parse', large));
  }
  const largePresend = median(presendRuns.map((result) => result.elapsedMs));
  const largeCsv = median(csvRuns.map((result) => result.elapsedMs));
  const presendPeak = Math.max(...presendRuns.map((result) => result.peakRssBytes));
  const csvPeak = Math.max(...csvRuns.map((result) => result.peakRssBytes));
  process.stdout.write(`  list ${large.rows} rows: Presend ${ms(largePresend)} (peak ${megabytes(presendPeak)}), csv-parse ${ms(largeCsv)} (peak ${megabytes(csvPeak)})\n`);

  const worstRatio = Math.max(presend / csvRead, largePresend / largeCsv);
  const markdown = [
    "Presend is `verifyList` (server/src/core/list/verify.ts) as the CLI runs it for a marketing send: a suppression list, DNS off, `collectRows: false`.",
    'csv-parse reads the same file alone from a file stream with records as arrays, drained with `read()` on `readable`; the `for await` loop its documentation shows is listed too.',
    `The ${small.rows.toLocaleString('en-US')}-row runs happen in this process (median of 5);`,
    `the ${large.rows.toLocaleString('en-US')}-row runs in a child process each (median of ${CHILD_ROUNDS}), whose peak resident memory is \`process.resourceUsage().maxRSS\`.`,
    `An idle child that loads the same modules and reads nothing peaks at ${megabytes(idle.peakRssBytes)}.`,
    '',
    table(
      ['List', 'Presend', 'csv-parse (read)', 'Presend ÷ csv-parse', 'csv-parse (for await)', 'Presend peak RSS', 'csv-parse peak RSS'],
      [
        [`${small.rows.toLocaleString('en-US')} rows, ${megabytes(small.bytes)}`, ms(presend), ms(csvRead), ratio(presend / csvRead), ms(csvForAwait), '', ''],
        [`${large.rows.toLocaleString('en-US')} rows, ${megabytes(large.bytes)}`, ms(largePresend), ms(largeCsv), ratio(largePresend / largeCsv), '', megabytes(presendPeak), megabytes(csvPeak)],
      ],
    ),
    '',
    `deep-email-validator 0.1.27 ran \`validate({ email, validateRegex: true, validateMx: false, validateTypo: true, validateDisposable: true, validateSMTP: false })\``,
    `on the first ${SAMPLE.toLocaleString('en-US')} addresses of the ${small.rows.toLocaleString('en-US')}-row list, one after another, after a warm-up on 1,000 of them.`,
    'Its figures for whole lists are extrapolated from that sample; it reads no file and checks no duplicates, suppression or consent.',
    '',
    table(
      ['', 'Per address', `${small.rows.toLocaleString('en-US')} rows`, `${large.rows.toLocaleString('en-US')} rows`],
      [
        ['Presend (whole list, measured)', ms(presendPerAddress), ms(presend), ms(largePresend)],
        ['deep-email-validator (extrapolated)', ms(deepPerAddress), ms(deepPerAddress * small.rows), ms(deepPerAddress * large.rows)],
      ],
    ),
    '',
    `Rows per reason in the ${small.rows.toLocaleString('en-US')}-row list (no DNS, so no-mx and null-mx stay at 0):`,
    '',
    table(['Reason', 'Rows'], REASON_IDS.map((id) => [id, String(summary?.reasons[id] ?? 0)])),
  ].join('\n');

  return {
    title: 'List verification',
    markdown,
    targets: [
      { name: 'List verification without DNS within 2x of csv-parse alone', measured: ratio(worstRatio), met: worstRatio <= 2 },
      { name: 'Peak memory under 200 MB for 1 million rows', measured: megabytes(presendPeak), met: presendPeak < 200 * 1024 ** 2 },
    ],
  };
}

async function child(mode: 'presend' | 'csv-parse' | 'idle', list: GeneratedList): Promise<ChildResult> {
  const script = path.join(__dirname, 'list-child.js');
  const { stdout } = await run(process.execPath, [script, mode, list.path, list.suppressionPath], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout) as ChildResult;
}

/** The address cells of the first rows; the generator never quotes the address column. */
function firstAddresses(file: string, count: number): string[] {
  const head = fs.readFileSync(file, 'utf8').split('\r\n', count + 1);
  return head.slice(1).map((line) => line.slice(0, line.indexOf(',')));
}
