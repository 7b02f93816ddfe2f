import * as fs from 'node:fs';
import { checkTemplate, resolveTemplatePath } from '../check';
import { createResolver, normalizeServer, type DnsResolver } from '../dns/resolver';
import { languageOf } from '../model/language';
import { appendAuditRecord, sha256File } from './audit';
import { sha256Hex } from './audit-canonical';
import { compileForSend } from './compile';
import { senderChecks } from './dns-checks';
import { listCheck } from './list-check';
import { displayPath } from './location';
import { applyOverrides, validateOverrides } from './overrides';
import { renderedCheck } from './rendered-check';
import { senderFor } from './sender';
import { listUnsubscribeCheck, streamSeparationCheck } from './stream-checks';
import { templateCheck } from './template-check';
import { GateUsageError, type GateCheck, type GateInput, type GateReport } from './types';

/**
 * Runs the pre-send gate, which decides whether a template may go out to its list from its
 * sender. It runs every check Presend has (the template's findings, the compiled HTML, the
 * recipient list, the sender's DNS and the stream configuration), applies the overrides the
 * user gave with their reasons, and appends the outcome to the workspace's audit log.
 */
export async function runGate(input: GateInput): Promise<GateReport> {
  const { templatePath, workspaceRoot, config, signal } = input;
  validateOverrides(input.overrides);
  const resolver = input.dns.enabled ? createGateResolver(input) : undefined;

  const text = input.text ?? input.readFile(templatePath);
  if (text === undefined) {
    throw new GateUsageError(`Template ${templatePath} was not found; give the path of an .mjml or .html file.`);
  }
  const language = languageOf(templatePath) ?? 'html';
  const source = checkTemplate({ path: templatePath, text, language, config, workspaceRoot, readFile: input.readFile });
  signal?.throwIfAborted();

  const compiled = await compileForSend(source.model.file.text, language, templatePath, config.trusted, workspaceRoot);
  const rendered = renderedCheck(compiled, source, config, templatePath, input.readFile);
  signal?.throwIfAborted();

  const { metadata } = source;
  const listPath = metadata.list ? resolveTemplatePath(templatePath, metadata.list) : undefined;
  const sender = senderFor(source.category.category, config.user, metadata.from);
  const [list, authentication] = await Promise.all([
    listCheck({
      listPath,
      suppressionPath: metadata.suppression ? resolveTemplatePath(templatePath, metadata.suppression) : undefined,
      model: source.model,
      category: source.category,
      authorization: metadata.authorization,
      user: config.user,
      workspaceRoot,
      resolver,
      signal,
    }),
    senderChecks(sender, input.dns, resolver),
  ]);
  signal?.throwIfAborted();

  const checks: GateCheck[] = [
    templateCheck(source.findings, workspaceRoot, templatePath),
    rendered,
    list,
    ...authentication,
    streamSeparationCheck(config.user),
    listUnsubscribeCheck(sender, source.category),
  ];
  const applied = applyOverrides(checks, input.overrides);
  const passed = checks.every((check) => check.status !== 'fail');

  const auditRecord = await appendAuditRecord(input.auditRoot ?? workspaceRoot, {
    // The editor's text is what was checked, saved or not; from disk, the file's own bytes count.
    template: { path: templatePath, sha256: input.text !== undefined ? sha256Hex(input.text) : undefined },
    list: listPath && isFile(listPath) ? { path: listPath } : undefined,
    configSha256: config.path && isFile(config.path) ? await sha256File(config.path) : undefined,
    checks: checks.map(({ id, status }) => ({ id, status })),
    overrides: applied,
    passed,
  });

  return {
    passed,
    template: { path: displayPath(workspaceRoot, templatePath), category: source.category.category, ...(sender.from ? { from: sender.from } : {}) },
    checks,
    auditRecord,
  };
}

function createGateResolver(input: GateInput): DnsResolver {
  const servers = (input.dns.servers ?? []).map((server) => {
    try {
      return normalizeServer(server);
    } catch (error) {
      throw new GateUsageError((error as Error).message);
    }
  });
  return createResolver({ servers, timeoutMs: input.dns.timeoutMs, tries: input.dns.tries });
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}
