import * as fs from 'node:fs';
import * as path from 'node:path';

import { HTML_RAW_TEXT, scanHtml } from './html-scan';

/**
 * The folders `mj-include` may read from when the preview compiles a template.
 *
 * MJML 5 refuses includes unless `ignoreIncludes` is false, and then reads only below the
 * template's folder plus the folders listed in `includePath`. A refused include becomes an
 * `<!-- mj-include denied -->` comment and no validation error, so the renderer checks the
 * template's own includes first and reports each refusal by line.
 */

export interface IncludePolicy {
  /** Folders includes may be read from, real paths; the template's folder is always first. */
  roots: string[];
  /** False when the template is not a file on disk: MJML would resolve against the server's cwd. */
  enabled: boolean;
  /** The kind of folder the last root is, for messages. */
  scope: 'workspace' | 'folder';
}

/**
 * Returns the template's folder plus the workspace root when the workspace is trusted, or the
 * template's folder alone when it is untrusted or unknown.
 */
export function includePolicy(filePath: string, trusted: boolean, workspaceRoot?: string): IncludePolicy {
  const folder = realOrNull(path.dirname(filePath));
  if (!folder || !fs.existsSync(filePath)) {
    return { roots: [], enabled: false, scope: 'folder' };
  }
  const roots = [folder];
  const root = trusted && workspaceRoot ? realOrNull(workspaceRoot) : null;
  if (!root || root === path.parse(root).root) {
    return { roots, enabled: true, scope: 'folder' };
  }
  if (root !== folder) {
    roots.push(root);
  }
  return { roots, enabled: true, scope: 'workspace' };
}

export interface IncludeProblem {
  /** 1-based, as MJML reports lines. */
  line: number;
  message: string;
}

/** Checks each `mj-include` of the template against the policy, before MJML reads it. */
export function checkIncludes(text: string, filePath: string, policy: IncludePolicy): IncludeProblem[] {
  const problems: IncludeProblem[] = [];
  for (const token of scanHtml(text, [...HTML_RAW_TEXT, 'mj-style'])) {
    if (token.kind !== 'open' || token.name !== 'mj-include') {
      continue;
    }
    const written = token.attributes.find((a) => a.name === 'path')?.value ?? '';
    const line = lineOf(text, token.start);
    if (!policy.enabled) {
      problems.push({ line, message: `mj-include "${written}" was not read: save the template to a file inside the workspace so includes can resolve.` });
      continue;
    }
    const target = path.resolve(path.dirname(filePath), written);
    const real = realOrNull(target) ?? target;
    if (!policy.roots.some((root) => isInside(root, real))) {
      const detail =
        policy.scope === 'workspace'
          ? `outside the workspace; the preview reads includes only from inside ${policy.roots[policy.roots.length - 1]}.`
          : `outside the template's folder; in an untrusted workspace (or one without a folder) the preview reads includes only from ${policy.roots[0]}. Trust the workspace to allow includes from anywhere inside it.`;
      problems.push({ line, message: `mj-include "${written}" resolves to ${real}, ${detail}` });
    }
  }
  return problems;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function realOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}
