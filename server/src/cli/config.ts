import { loadConfig, type LoadedConfig } from '../core/config/load';
import { readTextFile } from './files';
import type { CliIo } from './io';

/**
 * Loads `presend.config.json` (or `--config FILE`) for a command, printing each problem with
 * the file and line. Returns undefined when an explicit `--config` file does not exist, and the
 * command then exits with code 2. Any other problem leaves the defaults in place.
 */
export function loadCliConfig(io: CliIo, configPath: string | undefined): LoadedConfig | undefined {
  const loaded = loadConfig(io.cwd, { configPath, readFile: readTextFile });
  for (const problem of loaded.problems) {
    const where = loaded.file ? `${loaded.file.path}:${loaded.file.positionAt(problem.start).line + 1}` : 'config';
    io.stderr(`${where}: ${problem.message}\n`);
  }
  if (configPath && !loaded.file) {
    return undefined;
  }
  return loaded;
}
