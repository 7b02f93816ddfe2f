/**
 * Timing for the benchmarks. Contenders are run in rounds, one run of each per round, so that
 * a slow spell of a shared machine hits all of them alike and the ratios between them hold.
 * Before each timed run the collector runs (node --expose-gc) and the contender runs once
 * untimed, so no contender pays for the garbage the one before it left. The untimed run is
 * needed because a full collection shrinks the young generation, and a run right after it
 * spends most of its time in scavenges (a 2.5 ms htmlparser2 parse of 100 KB took 30 to 50 ms
 * right after `gc()`). Collections a contender causes itself stay part of its cost.
 */

export interface Contender {
  name: string;
  run: () => unknown;
}

export interface Timings {
  /** Milliseconds per run, in run order, by contender name. */
  samples: Map<string, number[]>;
}

const collect = (globalThis as { gc?: () => void }).gc;

export function hasGc(): boolean {
  return collect !== undefined;
}

export async function timeRounds(contenders: readonly Contender[], options: { warmup: number; runs: number }): Promise<Timings> {
  const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < options.warmup + options.runs; round++) {
    for (const contender of contenders) {
      collect?.();
      await contender.run();
      const started = performance.now();
      await contender.run();
      const elapsed = performance.now() - started;
      if (round >= options.warmup) samples.get(contender.name)!.push(elapsed);
    }
  }
  return { samples };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values: a measurement recorded no runs.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function medianOf(timings: Timings, name: string): number {
  const values = timings.samples.get(name);
  if (!values) throw new Error(`No timings for "${name}"; contenders were ${[...timings.samples.keys()].join(', ')}.`);
  return median(values);
}
