import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The shared corpus of real templates and lists written by others. It sits beside the
 * repository checkout and is not part of it, because several of its sources are copyleft;
 * tests that read it skip, saying so, when it is absent. `PRESEND_CORPUS` points elsewhere.
 */
export const CORPUS = process.env.PRESEND_CORPUS ?? path.resolve(__dirname, '../../../../shared/corpus');

/** Lists the files under `folder` whose names match `pattern`, sorted, recursively. */
export function filesUnder(folder: string, pattern: RegExp): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...filesUnder(full, pattern));
    } else if (pattern.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

/** Lists the .mjml, .html and .htm templates under `folder`, sorted. */
export function templatesUnder(folder: string): string[] {
  return filesUnder(folder, /\.(mjml|html?)$/i);
}
