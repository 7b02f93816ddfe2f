import * as path from 'node:path';
import type { Range } from '../model/source';
import type { GateLocation } from './types';

/** Returns the path messages show: relative to the workspace root with `/`, or absolute outside it. */
export function displayPath(workspaceRoot: string, absolutePath: string): string {
  const relative = path.relative(workspaceRoot, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return absolutePath;
  }
  return relative.split(path.sep).join('/');
}

/** Turns a zero-based LSP range start into the gate's 1-based location. */
export function locationOf(filePath: string, range: Range): GateLocation {
  return { path: filePath, line: range.start.line + 1, column: range.start.character + 1 };
}
