import { EXIT_USAGE, type CliIo } from './io';

// TODO: the pre-send gate is not built yet; this entry says so instead of pretending to check.
export async function runGate(_argv: string[], io: CliIo): Promise<number> {
  io.stderr('presend gate: the pre-send check is not available in this version yet.\n');
  return EXIT_USAGE;
}
