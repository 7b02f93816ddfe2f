import { checkIncludes, includePolicy } from '../render/includes';
import { compileMjml, type MjmlError } from '../render/mjml';

/**
 * Compiles a template to the HTML the ESP receives. Unlike the preview's `renderTemplate`, it
 * adds no finding markers and fills no merge tags, so sizes and byte offsets are those of
 * the mail as sent (before the ESP fills its tags).
 */

export interface SendableHtml {
  /** Null when MJML could not compile the template at all. */
  html: string | null;
  /** MJML's validation problems and refused includes, with 1-based lines. */
  errors: MjmlError[];
}

export async function compileForSend(
  text: string,
  language: 'mjml' | 'html',
  filePath: string,
  trusted: boolean,
  workspaceRoot: string,
): Promise<SendableHtml> {
  if (language === 'html') {
    return { html: text, errors: [] };
  }

  // The same include policy as the preview, so the gate never reads what the preview may not.
  const policy = includePolicy(filePath, trusted, workspaceRoot);
  const refused = checkIncludes(text, filePath, policy).map((problem) => ({ ...problem, tagName: 'mj-include' }));
  try {
    const output = await compileMjml(text, {
      validationLevel: 'soft',
      keepComments: true,
      ignoreIncludes: !policy.enabled,
      ...(policy.enabled ? { filePath, includePath: policy.roots.slice(1) } : {}),
    });
    const errors = output.errors.map((error) => ({ line: error.line, message: error.message, ...(error.tagName ? { tagName: error.tagName } : {}) }));
    return { html: output.html, errors: [...refused, ...errors] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { html: null, errors: [...refused, { line: Number(/line (\d+)/i.exec(message)?.[1] ?? 1), message }] };
  }
}
