import { statSync } from 'node:fs';
import * as path from 'node:path';
import { AUDIT_FILE, verifyAuditChain } from '../core/gate/audit';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

const HELP = `Usage: presend audit verify [FILE]

Verifies the hash chain of the pre-send audit log: every record's own hash and its link to
the record before it. FILE defaults to ${AUDIT_FILE.split(path.sep).join('/')} in the current folder.

Exit codes: 0 the chain is intact, 1 it is broken, 2 bad usage or the file is missing.
`;

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
    const expected = path.join(filePath, AUDIT_FILE);
    io.stderr(`presend audit: ${displayPath} is a folder; give the audit log file, which the gate writes to ${AUDIT_FILE.split(path.sep).join('/')} in the workspace (here that would be ${expected}).\n`);
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
    const last = result.lastLineSha256 ? ` Last line SHA-256: ${result.lastLineSha256}.` : '';
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
