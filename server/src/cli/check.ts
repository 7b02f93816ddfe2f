import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config/load';
import { checkTemplate } from '../core/check';
import { RULES } from '../core/rules/index';
import { expandArguments, readTextFile } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { countFindings, type FileResult } from './format/types';
import { loadCliConfig } from './config';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';
import { decodeTemplate } from './read-template';
import { VERSION } from './version';

/** Default size limit for a template, in bytes; larger files are skipped with a notice. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const FORMATS = ['stylish', 'json', 'sarif'] as const;

export const CHECK_HELP = `Usage: presend check [paths or globs…] [options]

Checks MJML and HTML email templates. Folders are searched for .mjml, .html and .htm files.

Options:
  --format stylish|json|sarif  Output format (default: stylish)
  --config FILE                Configuration file (default: presend.config.json in the current folder)
  --max-warnings N             Exit with 1 when there are more than N warnings
  --root DIR                   Workspace folder that includes may not leave (default: the folder each argument names)
  -h, --help                   Show this help

Exit codes: 0 no errors, 1 errors or too many warnings, 2 bad usage, a path or file that
could not be checked (not found, unreadable, not UTF-8, over maxFileSize), or an internal failure.
`;

export async function runCheck(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCheckArgs(argv);
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }

  const format = values.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : parseCount(values['max-warnings']);
  const targets = positionals.length > 0 ? positionals : ['.'];
  if (targets.some((target) => target.trim() === '')) {
    throw new UsageError('An empty path was given; name template files, folders or globs.');
  }

  const loaded = loadCliConfig(io, values.config);
  if (!loaded) {
    return EXIT_USAGE;
  }

  const { files, missing } = expandArguments(targets, io.cwd);
  for (const message of missing) {
    io.stderr(`presend: ${message}\n`);
  }
  if (files.length === 0) {
    io.stderr('presend: nothing to check; name template files or folders that contain .mjml, .html or .htm files.\n');
    return EXIT_USAGE;
  }

  const maxSize = loaded.config.user.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const root = values.root ? path.resolve(io.cwd, values.root) : undefined;
  const checked = files.map((file) => checkOneFile(file.path, root ?? file.root, io.cwd, maxSize, loaded.config));

  // A partial found by walking a folder is reported through the templates that include it,
  // with its findings on its own lines; checked again on its own it would only repeat them.
  const explicit = new Set(positionals.map((arg) => path.resolve(io.cwd, arg)));
  const included = new Set(checked.flatMap((result) => result.includes ?? []));
  const results = checked.filter((result) => !included.has(result.path) || explicit.has(result.path));

  io.stdout(render(format, results, io.cwd));

  // Anything named but not checked fails the run: in CI a typo or an unreadable file must not pass.
  const totals = countFindings(results);
  const unchecked = results.filter((result) => result.error || result.skipped).length;
  if (missing.length > 0 || unchecked > 0) {
    io.stderr(`presend: ${missing.length + unchecked} of the named paths or files could not be checked; see above.\n`);
    return EXIT_USAGE;
  }
  if (totals.errors > 0 || (maxWarnings !== undefined && totals.warnings > maxWarnings)) {
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function checkOneFile(file: string, root: string, cwd: string, maxSize: number, config: ReturnType<typeof loadConfig>['config']): FileResult {
  const displayPath = displayPathOf(file, cwd);
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > maxSize) {
      return { path: file, displayPath, findings: [], skipped: `${size} bytes is over the ${maxSize}-byte limit; raise maxFileSize in presend.config.json to check it.` };
    }
    const decoded = decodeTemplate(fs.readFileSync(file));
    if ('error' in decoded) {
      return { path: file, displayPath, findings: [], error: decoded.error };
    }
    text = decoded.text;
  } catch (error) {
    return { path: file, displayPath, findings: [], error: `Could not read the file: ${(error as Error).message}` };
  }

  try {
    const result = checkTemplate({
      path: file,
      text,
      config,
      workspaceRoot: root,
      readFile: readTextFile,
      logger: { error: (message) => process.stderr.write(`presend: ${message}\n`) },
    });
    const includes = result.model.files.slice(1).map((source) => source.path);
    return { path: file, displayPath, findings: result.findings, category: result.category, includes };
  } catch (error) {
    return { path: file, displayPath, findings: [], error: `Internal failure while checking: ${(error as Error).message}` };
  }
}

function render(format: string, results: FileResult[], cwd: string): string {
  if (format === 'json') {
    return formatJson(results);
  }
  if (format === 'sarif') {
    return formatSarif(results, RULES, cwd, VERSION);
  }
  return formatStylish(results, cwd);
}

function displayPathOf(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new UsageError(`Invalid --max-warnings "${value}"; give a whole number of 0 or more.`);
  }
  return count;
}

function parseCheckArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's parser explains at length; its first sentence names the option.
    const first = (error as Error).message.split(/(?<=\.) /)[0].replace(/\.$/, '');
    throw new UsageError(`${first}. Run "presend check --help" for the options.`);
  }
}
