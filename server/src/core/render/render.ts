import type { SourceFile } from '../model/source';
import type { Finding } from '../engine/rule';
import type { RenderedFinding, RenderResult } from '../../protocol';

import { checkIncludes, includePolicy } from './includes';
import { anchorsIn, placeFindingMarkers, stripFindingMarkers } from './markers';
import { fillMergeTags } from './merge-tags';
import { compileMjml, type MjmlError } from './mjml';
import { plainTextPart } from './plain-text';

/**
 * Renders a template for the preview: compiles MJML (HTML passes through), marks the elements
 * findings point at, fills merge tags from sample data and derives the plain-text part.
 * Runs in the language server; the extension host only displays the result.
 */

export interface RenderInput {
  file: SourceFile;
  language: 'mjml' | 'html';
  workspaceRoot?: string;
  /** False in an untrusted workspace: includes only from the template's folder. */
  trusted: boolean;
  sampleData?: Record<string, unknown> | null;
  maskPhi: boolean;
  isPhiField?: (field: string) => boolean;
  findings?: Finding[];
}

export type RenderOutputFinding = Omit<RenderedFinding, 'uri'> & { path: string };

export type RenderOutput = Omit<RenderResult, 'uri' | 'version' | 'findings'> & { findings: RenderOutputFinding[] };

export async function renderTemplate(input: RenderInput): Promise<RenderOutput> {
  const started = performance.now();
  const { file, language } = input;
  const findings = input.findings ?? [];

  // Only findings in the template itself can be marked: MJML reads includes from disk.
  const own = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.path === file.path);
  const marked = placeFindingMarkers(file.text, language, own.map(({ f }) => ({ start: f.start, end: f.end })));
  const anchors: (string | undefined)[] = findings.map(() => undefined);
  own.forEach(({ index }, i) => (anchors[index] = marked.anchors[i]));

  let html: string | null = marked.text;
  let errors: MjmlError[] = [];
  let compileMs = 0;

  if (language === 'mjml') {
    const compiled = await compile(marked.text, input);
    html = compiled.html;
    errors = compiled.errors;
    compileMs = compiled.ms;
  }

  let text: string | null = null;
  if (html !== null) {
    const present = anchorsIn(html);
    anchors.forEach((anchor, i) => {
      if (anchor !== undefined && !present.has(anchor)) {
        anchors[i] = undefined;
      }
    });
    html = fillMergeTags(html, { sampleData: input.sampleData, maskPhi: input.maskPhi, isPhiField: input.isPhiField });
    text = plainTextPart(stripFindingMarkers(html));
  }

  const rendered: RenderOutputFinding[] = findings.map((f, i) => ({
    ruleId: f.ruleId,
    message: f.message,
    severity: f.severity,
    path: f.path,
    range: f.range,
    ...(anchors[i] !== undefined ? { anchor: anchors[i] } : {}),
  }));

  const presendMs = performance.now() - started - compileMs;
  return { html, text, errors, findings: rendered, timings: { compileMs, presendMs } };
}

async function compile(text: string, input: RenderInput): Promise<{ html: string | null; errors: MjmlError[]; ms: number }> {
  const policy = includePolicy(input.file.path, input.trusted, input.workspaceRoot);
  const refused = checkIncludes(text, input.file.path, policy);

  const started = performance.now();
  try {
    const output = await compileMjml(text, {
      validationLevel: 'soft',
      keepComments: true,
      ignoreIncludes: !policy.enabled,
      ...(policy.enabled ? { filePath: input.file.path, includePath: policy.roots.slice(1) } : {}),
    });
    const ms = performance.now() - started;
    const errors = [...refused.map((p) => ({ ...p, tagName: 'mj-include' })), ...output.errors.map(toError)];

    // MJML rejects nested includes outside the allowed folders without an error, so report them once.
    const denied = (output.html.match(/<!-- mj-include denied -->/g) ?? []).length;
    if (denied > refused.length) {
      errors.push({ line: 1, tagName: 'mj-include', message: `${denied - refused.length} nested mj-include(s) were not read because they resolve outside the allowed folders; move the included files inside the workspace.` });
    }
    return { html: output.html, errors, ms };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/i.exec(message)?.[1] ?? 1);
    return { html: null, errors: [...refused.map((p) => ({ ...p, tagName: 'mj-include' })), { line, message }], ms: performance.now() - started };
  }
}

function toError(error: MjmlError): MjmlError {
  return { line: error.line, message: error.message, ...(error.tagName ? { tagName: error.tagName } : {}) };
}
