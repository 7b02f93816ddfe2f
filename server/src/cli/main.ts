import { runCheck } from './check';
import { EXIT_USAGE, UsageError, type CliIo } from './io';
import { runRules } from './rules';
import { runVerifyList } from './verify-list';
import { runAudit } from './audit';
import { runGate } from './gate';
import { VERSION } from './version';

const HELP = `Usage: presend <command> [options]

Commands:
  check [paths…]        Check MJML and HTML email templates
  rules                 List the rules with their family and default severity
  verify-list FILE.csv  Verify a recipient list
  gate TEMPLATE         Run the pre-send check for a template
  audit verify [FILE]   Verify the pre-send audit log's hash chain

Run "presend <command> --help" for a command's options.
`;

type Command = (argv: string[], io: CliIo) => Promise<number> | number;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  rules: runRules,
  'verify-list': runVerifyList,
  audit: runAudit,
  gate: runGate,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }

  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`presend: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT_USAGE;
  }

  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`presend ${name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`presend ${name}: internal failure: ${(error as Error).stack ?? error}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`presend: internal failure: ${error}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
