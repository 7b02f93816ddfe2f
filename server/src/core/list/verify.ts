import { createResolver } from '../dns/resolver';
import { mapColumns, missingFields, type ColumnMap } from './columns';
import { ListInputError } from './errors';
import { countingLookups, createMailDomainCheck } from './dns-check';
import { needsBom } from './csv-write';
import { emptySuppressionNotice, noDnsAnswersNotice, raggedRowsNotice } from './notices';
import { openInputFile } from './open-file';
import { openCsv, type CsvRecord } from './read-csv';
import { createRowChecker, finishRow } from './row-check';
import { loadSuppression } from './suppression';
import {
  REASON_IDS,
  type ListFinding,
  type ListInput,
  type ListProgress,
  type ListReport,
  type ListSummary,
  type ReasonId,
  type RowResult,
  type VerifyListOptions,
} from './types';

/**
 * Verifies a recipient list: reads it as a stream, checks every row and reports each row in
 * file order through `onRow`, keeping rows in the report only when `collectRows` is on.
 * Memory stays flat with list size apart from the duplicate check's 24 bytes per address.
 */

// With DNS on, this many rows may wait for lookups at once; rows are still reported in order.
const DNS_WINDOW = 512;
const PROGRESS_EVERY = 10_000;

export async function verifyList(
  input: ListInput,
  options: VerifyListOptions,
  onProgress?: (progress: ListProgress) => void,
  signal?: AbortSignal,
): Promise<ListReport> {
  signal?.throwIfAborted();
  const suppressed = options.suppression ? await loadSuppression(options.suppression) : new Set<string>();
  const source = 'path' in input ? await openInputFile(input.path, 'List file') : input.stream;
  const reader = await openCsv(source, signal);

  const first = await reader.batches.next();
  if (first.done || first.value.length === 0) {
    throw new ListInputError(`${'path' in input ? input.path : input.name} has no header row: the file is empty.`);
  }
  const [header, ...firstRows] = first.value;
  const headers = header.cells;
  const columns = mapColumns(headers, options.emailColumn);
  options.onHeader?.(headers, { delimiter: reader.delimiter, bom: needsBom(reader.state.encoding) });

  const summary = emptySummary(reader.delimiter, headers, headers[columns.email]);
  summary.listFindings = listFindings(headers, columns, options);
  if (options.suppression) {
    summary.suppressionAddresses = suppressed.size;
    if (suppressed.size === 0) summary.notices.push(emptySuppressionNotice(options.suppression));
  }
  const rows: RowResult[] = [];
  const collect = options.collectRows ?? true;
  const checkRow = createRowChecker(columns, options.template ?? {}, suppressed);
  const dnsTally = { domains: 0, unanswered: 0 };
  const dns = options.dns ? countingLookups(createMailDomainCheck(options.dns.resolver ?? createResolver(options.dns)), dnsTally) : undefined;
  const pending: { row: Promise<RowResult>; cells: string[] }[] = [];
  let ragged = 0;
  let firstRagged = 0;

  // Returns a promise only when onRow does (backpressure from a slow disk under --out), so
  // the common path costs no microtask per row.
  const emit = (row: RowResult, cells: string[]): void | Promise<void> => {
    summary.rows++;
    summary.verdicts[row.verdict]++;
    for (const reason of row.reasons) summary.reasons[reason]++;
    if (row.notes) summary.dnsUnknown++;
    if (collect) rows.push(row);
    if (onProgress && summary.rows % PROGRESS_EVERY === 0) onProgress({ rows: summary.rows, bytes: reader.state.bytes });
    return options.onRow?.(row, cells);
  };

  // With DNS on, rows wait in `pending` for their lookups, several domains in flight at once,
  // and leave it in file order.
  const handle = (line: number, cells: string[]): void | Promise<void> => {
    if (cells.length !== headers.length && ragged++ === 0) firstRagged = line;
    const { row, lookupDomain } = checkRow(line, cells);
    if (!dns) return emit(finishRow(row, undefined), cells);

    const status = lookupDomain ? dns(lookupDomain) : Promise.resolve(undefined);
    pending.push({ row: status.then((answer) => finishRow(row, answer)), cells });
    if (pending.length >= DNS_WINDOW) return emitOldest();
  };
  const emitOldest = async () => {
    const next = pending.shift()!;
    await emit(await next.row, next.cells);
  };

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    yield firstRows;
    yield* reader.batches;
  }
  for await (const batch of batches()) {
    if (signal?.aborted) throw signal.reason;
    for (const { line, cells } of batch) {
      const waiting = handle(line, cells);
      if (waiting) await waiting;
    }
  }
  while (pending.length > 0) await emitOldest();

  if (ragged > 0) {
    reader.state.notices.push(raggedRowsNotice(ragged, firstRagged));
  }
  if (options.dns && dnsTally.domains > 0 && dnsTally.unanswered === dnsTally.domains) {
    summary.notices.push(noDnsAnswersNotice(options.dns, dnsTally.domains));
  }
  summary.encoding = reader.state.encoding;
  summary.skippedRecords = reader.state.skippedRecords;
  summary.notices = [...reader.state.notices, ...columns.notices, ...summary.notices];
  onProgress?.({ rows: summary.rows, bytes: reader.state.bytes });
  return { summary, rows };
}

function listFindings(headers: string[], columns: ColumnMap, options: VerifyListOptions): ListFinding[] {
  const template = options.template ?? {};
  const findings: ListFinding[] = [];
  if (template.category === 'marketing' && template.authorization !== 'documented' && columns.phi.length > 0) {
    findings.push({ id: 'phi-columns', columns: columns.phi });
  }
  const missing = missingFields(headers, template.mergeFields ?? []);
  if (missing.length > 0) findings.push({ id: 'missing-fields', fields: missing });
  if (template.category === 'marketing' && columns.consent.length === 0) findings.push({ id: 'no-consent-column' });
  return findings;
}

function emptySummary(delimiter: string, headers: string[], emailColumn: string): ListSummary {
  return {
    rows: 0,
    verdicts: { ok: 0, review: 0, exclude: 0 },
    reasons: Object.fromEntries(REASON_IDS.map((id) => [id, 0])) as Record<ReasonId, number>,
    encoding: 'utf-8',
    delimiter,
    emailColumn,
    headers,
    notices: [],
    listFindings: [],
    dnsUnknown: 0,
    skippedRecords: 0,
  };
}
