import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { decodeTemplate } from './read-template';

/** File extensions Presend checks as templates. */
export const TEMPLATE_EXTENSIONS = new Set(['.mjml', '.html', '.htm']);

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out']);

export interface ExpandedFile {
  path: string;
  /** The folder the argument named, or the file's own folder; includes are confined to it. */
  root: string;
}

export interface ExpandResult {
  files: ExpandedFile[];
  /** Arguments that matched nothing, each with the reason. */
  missing: string[];
}

/**
 * Expands command-line arguments into template files: a file is taken as is, a folder is
 * walked for .mjml/.html/.htm files, and anything with glob characters is matched below its
 * static prefix.
 */
export function expandArguments(args: string[], cwd: string): ExpandResult {
  const files: ExpandedFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, root: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push({ path: file, root });
    }
  };

  for (const arg of args) {
    if (picomatch.scan(arg).isGlob) {
      const { base, glob } = picomatch.scan(arg);
      const root = path.resolve(cwd, base || '.');
      const matcher = picomatch(glob, { dot: false });
      const before = files.length;
      for (const file of walk(root, [])) {
        if (matcher(path.relative(root, file).split(path.sep).join('/'))) {
          add(file, root);
        }
      }
      if (files.length === before) {
        missing.push(`${arg}: no files match this glob`);
      }
      continue;
    }

    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(`${arg}: not found`);
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      const unreadable: string[] = [];
      for (const file of walk(absolute, unreadable)) {
        if (TEMPLATE_EXTENSIONS.has(path.extname(file).toLowerCase())) {
          add(file, absolute);
        }
      }
      for (const folder of unreadable) {
        missing.push(`${path.relative(cwd, folder) || folder}: could not read the folder; check its permissions`);
      }
      if (files.length === before && unreadable.length === 0) {
        missing.push(`${arg}: the folder contains no .mjml, .html or .htm files`);
      }
    } else {
      add(absolute, isInside(cwd, absolute) ? cwd : path.dirname(absolute));
    }
  }
  return { files, missing };
}

function* walk(folder: string, unreadable: string[]): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    unreadable.push(folder);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
        yield* walk(full, unreadable);
      }
    } else if (entry.isFile()) {
      yield full;
    }
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Reads a file as UTF-8 text, returning undefined when it does not exist or is a folder. */
export function readTextFile(absolutePath: string): string | undefined {
  try {
    const decoded = decodeTemplate(fs.readFileSync(absolutePath));
    // An include that cannot be decoded is read leniently; the template itself is checked strictly.
    return 'text' in decoded ? decoded.text : fs.readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}
