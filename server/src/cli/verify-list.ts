import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeServer } from '../core/dns/resolver';
import { loadConfig } from '../core/config/load';
import { loadTemplateListContext, type TemplateListContext } from '../core/template-context';
import { readTextFile } from './files';
import {
  ListInputError,
  needsBom,
  REASON_IDS,
  verifyList,
  writeSplit,
  type ListCategory,
  type ListReport,
  type ListSummary,
  type RowResult,
  type SplitWriter,
  type VerifyListOptions,
} from '../core/list/index';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './io';

export const VERIFY_LIST_HELP = `Usage: presend verify-list FILE.csv [options]

Checks a recipient list before a send: address syntax, reserved and mistyped domains,
throwaway providers, role accounts, duplicates, suppressed and non-consenting rows.

Options:
  --template FILE              Template the list is sent with: its category, merge fields and
                               suppression file apply
  --category marketing|transactional
                               Kind of send; marketing adds consent and health-column checks
  --suppression FILE           Unsubscribes, bounces and complaints (CSV or one address per line)
  --dns, --no-dns              Look up MX records of each domain (default: off)
  --dns-server HOST:PORT       DNS server to ask; repeat for more; implies --dns
  --email-column NAME          Header of the address column when it has an unusual name
  --format text|json           Output format (default: text)
  --out DIR                    Write sendable.csv and excluded.csv (UTF-8) into the folder DIR
  -h, --help                   Show this help

Exit codes: 0 every row verified and none excluded, 1 some rows excluded or records that
could not be read (so not verified), 2 bad usage.
`;

export interface VerifyListHooks {
  /** Reads a template's category, authorization, merge fields and suppression file; tests replace it. */
  loadTemplateContext?: (templatePath: string) => Promise<TemplateListContext>;
}

const FORMATS = ['text', 'json'] as const;
const CATEGORIES: readonly ListCategory[] = ['marketing', 'transactional'];
// Text output lists at most this many excluded and review rows; --out or json give all.
const TEXT_ROW_LIMIT = 1000;
const FLUSH_BYTES = 1 << 16;

export async function runVerifyList(argv: string[], io: CliIo, hooks: VerifyListHooks = {}): Promise<number> {
  const { values, positionals } = parseVerifyArgs(argv);
  if (values.help) {
    io.stdout(VERIFY_LIST_HELP);
    return EXIT_OK;
  }

  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'name the list to verify: presend verify-list FILE.csv' : `give one list, not ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  }
  const category = values.category;
  if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) {
    throw new UsageError(`unknown category "${category}"; use marketing or transactional.`);
  }
  if (values.dns && values['no-dns']) {
    throw new UsageError('--dns and --no-dns contradict each other; give one.');
  }
  const servers = (values['dns-server'] ?? []).map(validServer);
  if (servers.length > 0 && values['no-dns']) {
    throw new UsageError('--dns-server asks for DNS lookups, which --no-dns turns off; drop one of them.');
  }

  const listPath = path.resolve(io.cwd, positionals[0]);
  const context = await templateContext(values.template, io, hooks);
  const suppressionArg = values.suppression ?? context.suppression;
  const suppressionPath = suppressionArg === undefined ? undefined : path.resolve(io.cwd, suppressionArg);

  let writer: SplitWriter | undefined;
  const output = createBufferedOutput(io.stdout);
  const listed: RowResult[] = [];
  let unlisted = 0;

  try {
    writer = values.out ? await writeSplit(path.resolve(io.cwd, values.out), [listPath, ...(suppressionPath ? [suppressionPath] : [])]) : undefined;
    if (format === 'json') output.write('{"rows":[');
    let first = true;

    const options: VerifyListOptions = {
      emailColumn: values['email-column'],
      template: { ...context, category: (category as ListCategory | undefined) ?? context.category },
      suppression: suppressionPath ? { path: suppressionPath } : undefined,
      dns: values.dns || servers.length > 0 ? { servers } : false,
      collectRows: false,
      onHeader: (headers, fileFormat) => writer?.onHeader(headers, fileFormat),
      onRow: (row, cells) => {
        if (format === 'json') {
          output.write(`${first ? '\n' : ',\n'}${JSON.stringify(row)}`);
          first = false;
        } else if (row.verdict !== 'ok') {
          if (listed.length < TEXT_ROW_LIMIT) listed.push(row);
          else unlisted++;
        }
        return writer?.onRow(row, cells);
      },
    };

    const report = await verifyList({ path: listPath }, options);
    await writer?.close({ bom: needsBom(report.summary.encoding) });
    if (writer && writer.neutralisedAddresses > 0) report.summary.notices.push(neutralisedNotice(writer.neutralisedAddresses));

    if (format === 'json') {
      output.write(`\n],"summary":${JSON.stringify(report.summary)}}\n`);
    } else {
      output.write(renderText(positionals[0], report, listed, unlisted, values.out));
    }
    output.flush();
    return report.summary.verdicts.exclude > 0 || report.summary.skippedRecords > 0 ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    await writer?.abort();
    if (error instanceof ListInputError) throw new UsageError(error.message);
    throw error;
  }
}

function parseVerifyArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        template: { type: 'string' },
        suppression: { type: 'string' },
        dns: { type: 'boolean' },
        'no-dns': { type: 'boolean' },
        'dns-server': { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
        'email-column': { type: 'string' },
        category: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run "presend verify-list --help" for the options.`);
  }
}

function validServer(server: string): string {
  try {
    return normalizeServer(server);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function templateContext(template: string | undefined, io: CliIo, hooks: VerifyListHooks): Promise<TemplateListContext> {
  if (template === undefined) return {};
  const load =
    hooks.loadTemplateContext ??
    (async (templatePath: string) => {
      const { config } = loadConfig(io.cwd, { readFile: readTextFile });
      return loadTemplateListContext(templatePath, config, readTextFile);
    });
  try {
    return await load(path.resolve(io.cwd, template));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Gathers output into large writes, so a million JSON rows are not a million writes. */
function createBufferedOutput(sink: (text: string) => void) {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length > 0) sink(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text: string) {
      parts.push(text);
      size += text.length;
      if (size >= FLUSH_BYTES) flush();
    },
    flush,
  };
}

function renderText(name: string, report: ListReport, listed: RowResult[], unlisted: number, out: string | undefined): string {
  const { summary } = report;
  const lines = [
    `${name}: ${count(summary.rows, 'row')}, ${summary.encoding}, delimiter ${JSON.stringify(summary.delimiter)}, address column ${JSON.stringify(summary.emailColumn)}`,
    '',
    ...table(['verdict', 'rows'], (['ok', 'review', 'exclude'] as const).map((verdict) => [verdict, summary.verdicts[verdict]])),
  ];

  const reasons = REASON_IDS.filter((id) => summary.reasons[id] > 0).map((id) => [id, summary.reasons[id]] as [string, number]);
  if (reasons.length > 0) lines.push('', ...table(['reason', 'rows'], reasons));
  if (summary.skippedRecords > 0) {
    const skipped = `${count(summary.skippedRecords, 'record')} could not be read and ${summary.skippedRecords === 1 ? 'was' : 'were'} skipped`;
    lines.push('', `Not fully verified: ${skipped}, so those lines are missing from the result. Fix the quoting the notices name and run again.`);
  }
  if (summary.dnsUnknown > 0) lines.push('', `${count(summary.dnsUnknown, 'row')}: DNS gave no answer (a timeout or a server error); judged without DNS.`);
  for (const finding of summary.listFindings) lines.push('', describeFinding(finding));
  if (summary.notices.length > 0) lines.push('', 'Notices:', ...summary.notices.map((notice) => `  ${notice}`));

  if (listed.length > 0) {
    lines.push('', 'Rows to exclude or review:');
    for (const row of listed) {
      const suggestion = row.suggestion ? ` (did you mean ${row.suggestion}?)` : '';
      const first = row.firstLine ? ` (first at line ${row.firstLine})` : '';
      lines.push(`  line ${row.line}  ${row.verdict}  ${row.email}  ${row.reasons.join(', ')}${suggestion}${first}`);
    }
    if (unlisted > 0) lines.push(`  … and ${unlisted} more; use --format json or --out DIR for every row.`);
  }
  if (out) lines.push('', `Wrote sendable.csv and excluded.csv to ${out}.`);
  return `${lines.join('\n')}\n`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function neutralisedNotice(addresses: number): string {
  const which = addresses === 1 ? '1 address in sendable.csv starts' : `${addresses} addresses in sendable.csv start`;
  return `${which} with a character spreadsheets read as a formula (=, +, -, @, tab) and ${addresses === 1 ? 'was' : 'were'} written with a leading ' so spreadsheets do not run ${addresses === 1 ? 'it' : 'them'} as a formula. Remove the ' before importing into your sending service, or the service gets a different address.`;
}

function table(head: [string, string], rows: [string, number][]): string[] {
  const width = Math.max(head[0].length, ...rows.map(([label]) => label.length)) + 2;
  return [`  ${head[0].padEnd(width)}${head[1]}`, ...rows.map(([label, count]) => `  ${label.padEnd(width)}${count}`)];
}

function describeFinding(finding: ListSummary['listFindings'][number]): string {
  switch (finding.id) {
    case 'phi-columns':
      return `phi-columns: the list has health information columns (${finding.columns.join(', ')}) and the template is marketing without documented authorization; remove the columns or document the authorization.`;
    case 'missing-fields':
      return `missing-fields: the template uses merge fields the list lacks: ${finding.fields.join(', ')}.`;
    case 'no-consent-column':
      return 'no-consent-column: the list has no consent column, so marketing consent could not be checked per row.';
  }
}
