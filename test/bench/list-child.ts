import { csvParseRead, presendVerify } from './list-runners';

/**
 * One list measurement in a process of its own, so that its peak resident memory is its own:
 * `node list-child.js presend|csv-parse|idle LIST SUPPRESSION`. Prints one JSON line with
 * the elapsed milliseconds, the rows read and the peak RSS in bytes. `idle` loads the same
 * modules and reads nothing, the baseline the other peaks stand on.
 */

async function main(): Promise<void> {
  const [mode, path, suppressionPath] = process.argv.slice(2);
  const started = performance.now();
  let rows = 0;
  if (mode === 'presend') rows = (await presendVerify({ path, suppressionPath })).rows;
  else if (mode === 'csv-parse') rows = await csvParseRead(path);
  else if (mode !== 'idle') throw new Error(`Unknown mode "${mode}"; use presend, csv-parse or idle.`);
  const elapsedMs = performance.now() - started;

  // maxRSS is in kilobytes.
  process.stdout.write(`${JSON.stringify({ elapsedMs, rows, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
