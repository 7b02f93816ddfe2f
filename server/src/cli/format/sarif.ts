import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../core/engine/rule';
import type { FileResult } from './types';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Formats results as SARIF 2.1.0, the format code-scanning services ingest: one run, the
 * rules in `tool.driver.rules`, file URIs relative to the working folder when inside it.
 */
export function formatSarif(results: FileResult[], rules: readonly Rule[], cwd: string, version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const baseUri = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;

  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(finding.path, cwd),
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );

  const notifications = results
    .filter((result) => result.error)
    .map((result) => ({
      level: 'error',
      message: { text: result.error },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.path, cwd) } }],
    }));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'presend',
            version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: `${rule.meta.description} ${rule.meta.basis}` },
              // The docs ship with Presend; a file URL of this machine would mean nothing in an upload.
              help: { text: `${rule.meta.basis} See docs/rules/${rule.meta.id}.md in Presend.` },
              defaultConfiguration: { level: rule.meta.defaultSeverity === 'off' ? 'none' : LEVELS[rule.meta.defaultSeverity] },
              properties: { family: rule.meta.family },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: baseUri } },
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(file).href };
}
