import { statSync } from 'node:fs';
import * as path from 'node:path';
import { AUDIT_FILE, verifyAuditChain } from '../core/gate/audit';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

const HELP = `Usage: presend audit verify [FILE]

Verifies the hash chain of the pre-send audit log: every record's own hash and its link to
the record before it. FILE defaults to ${AUDIT_FILE.split(path.sep).join('/')} in the current folder.

An intact chain proves no record was changed only up to the last line: someone who edits a
record and recomputes prev and hash for every later line also gets an intact chain. Compare
the last line's SHA-256, which verify prints, with a copy kept outside the workspace.

Exit codes: 0 the chain is intact, 1 it is broken, 2 bad usage or the file is missing.
`;

// A rewritten chain verifies as intact; only a copy of the last hash kept elsewhere shows it.
const INTACT_HINT =
  'Compare that value with the copy kept outside the workspace (for example in the change ticket): a log whose records were edited and whose later prev and hash values were all recomputed also verifies as intact.';

/** Runs `presend audit verify [FILE]`; `argv` contains the arguments after "audit". */
export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (subcommand !== 'verify' || rest.length > 1 || rest.some((arg) => arg.startsWith('-'))) {
    const got = argv.length === 0 ? 'no arguments' : `"${argv.join(' ')}"`;
    io.stderr(`presend audit: expected "verify [FILE]", got ${got}.\n\n${HELP}`);
    return EXIT_USAGE;
  }

  const filePath = path.resolve(io.cwd, rest[0] ?? AUDIT_FILE);
  const displayPath = path.relative(io.cwd, filePath) || filePath;
  const kind = pathKind(filePath);
  if (kind === 'folder') {
    const given = rest[0] ?? displayPath;
    const expected = path.join(given, AUDIT_FILE).split(path.sep).join('/');
    io.stderr(`presend audit: ${given} is a folder, not an audit log. The gate writes the log to ${AUDIT_FILE.split(path.sep).join('/')} in the workspace, so for that folder run: presend audit verify ${expected}\n`);
    return EXIT_USAGE;
  }
  if (kind === 'missing') {
    io.stderr(`presend audit: no audit log at ${displayPath}. Run "presend gate TEMPLATE" to create one, or pass the log's path: presend audit verify FILE.\n`);
    return EXIT_USAGE;
  }

  let result: ReturnType<typeof verifyAuditChain>;
  try {
    result = verifyAuditChain(filePath);
  } catch (error) {
    io.stderr(`presend audit: failed to read ${displayPath}: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }

  const records = `${result.records} ${result.records === 1 ? 'record' : 'records'}`;
  if (result.ok) {
    const last = result.lastLineSha256 ? ` Last line SHA-256: ${result.lastLineSha256}.\n${INTACT_HINT}` : '';
    io.stdout(`${displayPath}: ${records}, chain intact.${last}\n`);
    return EXIT_OK;
  }

  const lines = result.problems.map((problem) => `  line ${problem.line}: ${problem.kind}: ${problem.message}`);
  io.stdout(`${displayPath}: ${records}, chain broken (${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}\n`);
  return EXIT_FINDINGS;
}

function pathKind(filePath: string): 'file' | 'folder' | 'missing' {
  try {
    const stat = statSync(filePath);
    if (stat.isDirectory()) return 'folder';
    return stat.isFile() ? 'file' : 'missing';
  } catch {
    return 'missing';
  }
}
