import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { hasProblemsUnder, type LoadedConfig } from '../core/config/load';
import { normalizeServer } from '../core/dns/resolver';
import { GATE_CHECK_IDS, GATE_CHECK_TITLES, GateUsageError, runGate as runGateCore, type GateCheck, type GateOverride, type GateReport } from '../core/gate/index';
import { readTextFile } from './files';
import { loadCliConfig } from './config';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io';

export const GATE_HELP = `Usage: presend gate TEMPLATE [options]

Decides whether a template may go out to its list from its sender: the template's findings,
the compiled HTML (Gmail clipping, opt-out, merge tags, line length), the recipient list,
SPF, DKIM and DMARC of the From domain, and the stream configuration. Every run appends a
record to .presend/audit.jsonl.

Options:
  --dns, --no-dns              Look up SPF, DKIM and DMARC records (default: off)
  --dns-server HOST:PORT       DNS server to ask; repeat for more; implies --dns
  --format text|json           Output format (default: text)
  --override CHECK=REASON      Let a failed check pass, with the reason recorded; repeatable
  --config FILE                Configuration file (default: presend.config.json in the current folder)
  -h, --help                   Show this help

Checks: ${GATE_CHECK_IDS.join(', ')}.

Exit codes: 0 no check failed, 1 a check failed, 2 bad usage.
`;

const FORMATS = ['text', 'json'] as const;
const SYMBOLS: Record<GateCheck['status'], string> = { pass: '✔', warn: '⚠', fail: '✖', skipped: '–', overridden: '✔' };

export async function runGate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseGateArgs(argv);
  if (values.help) {
    io.stdout(GATE_HELP);
    return EXIT_OK;
  }

  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'name the template to check: presend gate TEMPLATE' : `give one template, not ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  }
  if (values.dns && values['no-dns']) {
    throw new UsageError('--dns and --no-dns contradict each other; give one.');
  }
  const servers = (values['dns-server'] ?? []).map(validServer);
  if (servers.length > 0 && values['no-dns']) {
    throw new UsageError('--dns-server asks for DNS lookups, which --no-dns turns off; drop one of them.');
  }
  const overrides = (values.override ?? []).map(parseOverride);

  const templatePath = path.resolve(io.cwd, positionals[0]);
  const kind = pathKind(templatePath);
  if (kind === 'folder') {
    throw new UsageError(`template ${positionals[0]} is a folder (${templatePath}); the gate checks one template, so give the path of an .mjml or .html file.`);
  }
  if (kind === 'missing') {
    throw new UsageError(`template ${positionals[0]} was not found at ${templatePath}; give the path of an .mjml or .html file.`);
  }

  const loaded = loadCliConfig(io, values.config);
  if (!loaded) {
    return EXIT_USAGE;
  }
  rejectInvalidStreams(loaded);

  let report: GateReport;
  try {
    report = await runGateCore({
      templatePath,
      workspaceRoot: io.cwd,
      config: loaded.config,
      dns: { enabled: values.dns === true || servers.length > 0, servers },
      overrides,
      readFile: readTextFile,
    });
  } catch (error) {
    if (error instanceof GateUsageError) throw new UsageError(error.message);
    throw error;
  }

  io.stdout(format === 'json' ? formatJson(report, io.cwd) : formatText(report, io.cwd));
  return report.passed ? EXIT_OK : EXIT_FINDINGS;
}

/**
 * Rejects a config whose `streams` key has problems. The loader drops a top-level key with a
 * problem, so the gate would judge the sender as if no stream were configured, and a
 * transactional template could pass with a From such as "oops". The problems are printed above.
 */
function rejectInvalidStreams(loaded: LoadedConfig): void {
  if (hasProblemsUnder(loaded, 'streams')) {
    throw new UsageError(
      `"streams" in ${loaded.file!.path} has the problems printed above, so the whole key was ignored and the gate cannot judge the sender. Fix those values and run the gate again.`,
    );
  }
}

function parseGateArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dns: { type: 'boolean' },
        'no-dns': { type: 'boolean' },
        'dns-server': { type: 'string', multiple: true },
        format: { type: 'string' },
        override: { type: 'string', multiple: true },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run "presend gate --help" for the options.`);
  }
}

/** `CHECK=REASON`; whether the check exists and the reason is not empty is up to the gate. */
function parseOverride(value: string): GateOverride {
  const equals = value.indexOf('=');
  if (equals <= 0) {
    throw new UsageError(`--override "${value}" names no check; write --override CHECK=REASON, for example --override dmarc="p=none approved by the privacy office".`);
  }
  return { checkId: value.slice(0, equals).trim(), reason: value.slice(equals + 1) };
}

function validServer(server: string): string {
  try {
    return normalizeServer(server);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `{passed, template, checks}`, with locations relative to the current folder. */
function formatJson(report: GateReport, cwd: string): string {
  const checks = report.checks.map((check) => ({ ...check, ...(check.location ? { location: { ...check.location, path: relative(cwd, check.location.path) } } : {}) }));
  return `${JSON.stringify({ passed: report.passed, template: report.template, checks }, null, 2)}\n`;
}

function formatText(report: GateReport, cwd: string): string {
  const lines = [`Pre-send gate for ${report.template.path} (${report.template.category}${report.template.from ? `, from ${report.template.from}` : ''})`, ''];
  for (const check of report.checks) {
    lines.push(`${SYMBOLS[check.status]} ${GATE_CHECK_TITLES[check.id]} [${check.id}]: ${check.status}`);
    lines.push(`    ${check.message}`);
    if (check.location) lines.push(`    at ${relative(cwd, check.location.path)}:${check.location.line}:${check.location.column}`);
    if (check.overrideReason !== undefined) lines.push(`    overridden: ${check.overrideReason}`);
    else if (check.fix && check.status !== 'pass') lines.push(`    fix: ${check.fix}`);
  }

  lines.push('');
  if (report.auditRecord) {
    lines.push(`Recorded in .presend/audit.jsonl (record ${report.auditRecord.hash.slice(0, 12)}).`);
  }
  const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.id);
  lines.push(
    report.passed
      ? `Passed: the template may be sent${report.checks.some((check) => check.status === 'overridden') ? ' (with overrides, recorded in the audit log)' : ''}.`
      : `Failed: ${failed.join(', ')}. Fix them, or override each with --override CHECK=REASON.`,
  );
  return `${lines.join('\n')}\n`;
}

function relative(cwd: string, filePath: string): string {
  const result = path.relative(cwd, filePath);
  return result.startsWith('..') || path.isAbsolute(result) ? filePath : result.split(path.sep).join('/');
}

function pathKind(filePath: string): 'file' | 'folder' | 'missing' {
  try {
    const stat = fs.statSync(filePath);
    if (stat.isDirectory()) return 'folder';
    return stat.isFile() ? 'file' : 'missing';
  } catch {
    return 'missing';
  }
}
