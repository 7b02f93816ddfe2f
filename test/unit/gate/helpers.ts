import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveConfig } from '../../../server/src/core/config/load';
import type { UserConfig } from '../../../server/src/core/config/types';
import { runGate, type GateCheck, type GateDnsOptions, type GateOverride, type GateReport } from '../../../server/src/core/gate/index';

/** A temporary workspace with the given files (relative path → content); removed by `dispose`. */
export interface Workspace {
  root: string;
  file(relative: string): string;
  dispose(): void;
}

export function workspace(files: Record<string, string>): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'presend-gate-'));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { root, file: (relative) => path.join(root, relative), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export function readText(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

export interface GateOptions {
  user?: UserConfig;
  dns?: GateDnsOptions;
  overrides?: GateOverride[];
}

export function gate(ws: Workspace, template: string, options: GateOptions = {}): Promise<GateReport> {
  return runGate({
    templatePath: ws.file(template),
    workspaceRoot: ws.root,
    config: resolveConfig(options.user ?? {}, ws.root, true),
    dns: options.dns ?? { enabled: false },
    overrides: options.overrides ?? [],
    readFile: readText,
  });
}

export function check(report: GateReport, id: string): GateCheck {
  const found = report.checks.find((candidate) => candidate.id === id);
  if (!found) {
    throw new Error(`The report has no "${id}" check; it has ${report.checks.map((c) => c.id).join(', ')}.`);
  }
  return found;
}

/** A marketing MJML template with an opt-out footer; `body` goes before the footer. */
export function marketingMjml(options: { from?: string; list?: string; suppression?: string; body?: string; footerFirst?: boolean } = {}): string {
  const directive = [
    '<!-- presend',
    'category: marketing',
    'subject: Spring wellness fair',
    options.from ? `from: ${options.from}` : undefined,
    options.list ? `list: ${options.list}` : undefined,
    options.suppression ? `suppression: ${options.suppression}` : undefined,
    '-->',
  ].filter((line) => line !== undefined);
  const footer = `<mj-section><mj-column><mj-text font-size="13px" color="#333333">Example Clinic, 12 Main Street, Springfield, OR 97000. <a href="https://www.example-clinic.test/unsubscribe">Unsubscribe</a></mj-text></mj-column></mj-section>`;
  const content = `<mj-section><mj-column><mj-text>Advertisement. Join the spring wellness fair at Example Clinic.</mj-text>${options.body ?? ''}</mj-column></mj-section>`;
  return [...directive, '<mjml><mj-body>', options.footerFirst ? footer : content, options.footerFirst ? content : footer, '</mj-body></mjml>', ''].join('\n');
}

export const STREAMS: UserConfig = {
  streams: {
    transactional: { from: 'care@notify.example-clinic.test', dkimSelector: 's1' },
    marketing: { from: 'news@news.example-clinic.test', dkimSelector: 's1', listUnsubscribe: 'one-click' },
  },
};
