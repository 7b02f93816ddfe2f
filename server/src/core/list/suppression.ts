import { extractAddress, parseAddress } from './address';
import { EmailColumnError, mapColumns } from './columns';
import { openInputFile } from './open-file';
import { openCsv } from './read-csv';

/**
 * Loads a suppression file (unsubscribes, bounces, complaints): a CSV whose header names an
 * address column, or a plain file of one address per line. Returns lower-cased addresses, the
 * same keys the duplicate check uses. Held in memory: suppression files are exports of a
 * sending service's suppression list, far smaller than the lists they guard.
 */
export async function loadSuppression(source: { path: string } | { addresses: Iterable<string> }): Promise<Set<string>> {
  const keys = new Set<string>();
  if ('addresses' in source) {
    for (const address of source.addresses) addKey(keys, address);
    return keys;
  }

  const reader = await openCsv(await openInputFile(source.path, 'Suppression file'));
  let column: number | undefined;
  for await (const batch of reader.batches) {
    for (const record of batch) {
      if (column === undefined) {
        column = headerColumn(record.cells);
        if (column !== -1) continue;
        column = 0;
      }
      addKey(keys, record.cells[column] ?? '');
    }
  }
  return keys;
}

/** Returns the address column when the first row is a header, or -1 when it is already an address. */
function headerColumn(cells: string[]): number {
  if (parseAddress(extractAddress(cells[0] ?? '')).valid) return -1;
  try {
    return mapColumns(cells).email;
  } catch (error) {
    if (error instanceof EmailColumnError) return -1;
    throw error;
  }
}

function addKey(keys: Set<string>, cell: string): void {
  const parsed = parseAddress(extractAddress(cell));
  if (parsed.valid) keys.add(`${parsed.local.toLowerCase()}@${parsed.domain}`);
}
