import * as path from 'node:path';
import { resolveTemplatePath } from '../core/check';
import { isInside } from '../core/config/load';
import { classifyField } from '../core/phi/index';
import { renderTemplate } from '../core/render/render';
import { SourceFile } from '../core/model/source';
import type { RenderParams, RenderResult } from '../protocol';
import type { RequestContext } from './custom-requests';
import { pathToUri, uriToPath } from './workspace';

/**
 * Answers `presend/render`: compiles the open template for the preview, in the server so
 * typing never waits for MJML, with the current findings marked on the rendered email.
 */
export async function renderForPreview(context: RequestContext, params: RenderParams): Promise<RenderResult | null> {
  const document = context.documents.get(params.uri);
  if (!document) {
    return null;
  }
  const settings = await context.settingsFor(params.uri);
  const result = await context.validator.resultFor(document, settings.debounceMs);
  const filePath = uriToPath(params.uri) ?? `/untitled/${path.basename(params.uri)}`;
  const folder = context.workspace.folderOf(filePath);
  const phiOverrides = context.workspace.configFor(folder, settings).config.user.phi?.fields;

  const errors: RenderResult['errors'] = [];
  const sampleData = params.useSampleData ? readSampleData(context, filePath, folder, result.check?.metadata.previewData, errors) : null;

  const output = await renderTemplate({
    file: new SourceFile(filePath, document.getText()),
    language: document.languageId === 'mjml' || filePath.endsWith('.mjml') ? 'mjml' : 'html',
    workspaceRoot: folder,
    trusted: context.workspace.trusted,
    sampleData,
    maskPhi: params.maskPhi,
    isPhiField: (field) => {
      const phiClass = classifyField(field, phiOverrides).phiClass;
      return phiClass === 'identifier' || phiClass === 'clinical' || phiClass === 'financial';
    },
    findings: result.check?.findings ?? [],
  });

  return {
    uri: params.uri,
    version: document.version,
    html: output.html,
    text: output.text,
    errors: [...errors, ...output.errors],
    timings: output.timings,
    findings: output.findings.map(({ path: findingPath, ...finding }) => ({ ...finding, uri: findingPath === filePath ? params.uri : pathToUri(findingPath) })),
  };
}

/** Reads the `previewData` JSON, confined like includes; problems become preview errors, never exceptions. */
function readSampleData(
  context: RequestContext,
  templatePath: string,
  folder: string,
  previewData: string | undefined,
  errors: RenderResult['errors'],
): Record<string, unknown> | null {
  if (!previewData) {
    return null;
  }
  const dataPath = resolveTemplatePath(templatePath, previewData);
  const allowedRoot = context.workspace.trusted ? folder : path.dirname(templatePath);
  if (!isInside(allowedRoot, dataPath)) {
    errors.push({ line: 1, message: `previewData "${previewData}" is outside the workspace, so it was not read; move the file into the workspace.` });
    return null;
  }

  const text = context.workspace.readFile(dataPath);
  if (text === undefined) {
    errors.push({ line: 1, message: `previewData "${previewData}" was not found at ${dataPath}; merge tags are shown as tags.` });
    return null;
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    errors.push({ line: 1, message: `previewData "${previewData}" must hold a JSON object such as {"patient": {"first_name": "Avery"}}.` });
  } catch (error) {
    errors.push({ line: 1, message: `previewData "${previewData}" is not valid JSON: ${(error as Error).message}.` });
  }
  return null;
}

