import * as os from 'node:os';

/** What each measurement hands back for the printed summary and docs/benchmarks.md. */

export interface Target {
  /** The target as stated, such as "Full check of 100 KB within 3x of htmlparser2". */
  name: string;
  met: boolean;
  /** The measured figure against the target, such as "2.1x". */
  measured: string;
}

export interface BenchSection {
  title: string;
  /** Markdown body: how it was measured, tables, notes. */
  markdown: string;
  targets: Target[];
}

export function machineLine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memoryGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model}, ${cpus.length} cores, ${memoryGb} GB memory, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** Milliseconds with three significant digits, or microseconds below 0.1 ms. */
export function ms(value: number): string {
  if (value < 0.1) return `${(value * 1000).toPrecision(3)} µs`;
  if (value < 1000) return `${value.toPrecision(3)} ms`;
  return `${(value / 1000).toPrecision(3)} s`;
}

export function ratio(value: number): string {
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)}x`;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function targetRow(target: Target): string[] {
  return [target.name, target.measured, target.met ? 'met' : '**missed**'];
}
