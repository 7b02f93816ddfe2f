import { loadConfig, type LoadedConfig } from '../core/config/load';
import { readTextFile } from './files';
import type { CliIo } from './io';

/**
 * Loads `presend.config.json` (or `--config FILE`) for a command, printing each problem with
 * the file and line. Returns undefined when an explicit `--config` file does not exist or is
 * not JSON, and the command then exits with code 2. Any other problem drops only the invalid
 * keys, and the defaults apply in their place.
 */
export function loadCliConfig(io: CliIo, configPath: string | undefined): LoadedConfig | undefined {
  const loaded = loadConfig(io.cwd, { configPath, readFile: readTextFile });
  const printed = new Set<string>();
  for (const problem of loaded.problems) {
    const where = loaded.file ? `${loaded.file.path}:${loaded.file.positionAt(problem.start).line + 1}` : 'config';
    const line = `${where}: ${problem.message}\n`;
    // A JSON syntax error often yields several parser errors on one line; print each once.
    if (!printed.has(line)) {
      printed.add(line);
      io.stderr(line);
    }
  }
  if (configPath && !loaded.file) {
    return undefined;
  }

  // A config named on the command line that is not JSON at all is a usage error, not a default.
  if (configPath && loaded.problems.some((problem) => problem.message.startsWith('Invalid JSON'))) {
    io.stderr(`presend: --config ${configPath} is not valid JSON; fix it or leave --config out.\n`);
    return undefined;
  }
  return loaded;
}
