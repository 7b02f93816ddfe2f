import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { verifyList } from '../../../server/src/core/list/verify';
import type { ListReport, VerifyListOptions } from '../../../server/src/core/list/types';

/** Repository root, from the compiled test's folder `out/test/unit/list`. */
export const ROOT = resolve(__dirname, '../../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/list');

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'presend-list-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes `content` to a temporary file, verifies it and removes it. */
export async function verifyText(content: string | Buffer, options: VerifyListOptions = {}): Promise<ListReport> {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'list.csv');
    writeFileSync(file, content);
    return await verifyList({ path: file }, options);
  } finally {
    dir.remove();
  }
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
