import type { Rule } from '../engine/rule';
import type { CommentNode, TemplateModel } from '../model/types';
import { findPatientIdentifiers, IDENTIFIER_LABELS } from './support/phi-identifiers';
import { phiSettings } from './support/phi-settings';
import { maskTagText, tagsWithin } from './support/phi-tags';
import { locateInSource, visibleRunDocument } from './support/phi-text';
import { maskIdentifier } from './support/phi-mask';

export const phiLiteral: Rule = {
  meta: {
    id: 'phi-literal',
    family: 'phi',
    description: 'Copy and comments hold no hard-coded patient identifiers, such as sample data left behind.',
    defaultSeverity: 'error',
    messages: {
      copy: 'The copy contains {{kind}} ({{value}}) written into the template; every recipient would receive it.',
      comment: 'A comment contains {{kind}} ({{value}}); comments ship in the HTML every recipient receives.',
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.502(a) and 164.514(b)(2): a hard-coded identifier discloses one person\'s PHI to every recipient of the template.',
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    const { model } = context;
    const detail = 'Replace sample data with a merge field, or with a fictional value (555-0100 to 555-0199 for phones, example.org for addresses).';

    const visible = visibleRunDocument(model);
    for (const match of findPatientIdentifiers(visible.text, settings.detectOptions)) {
      const span = visible.spanOf(match.start, match.end);
      if (span !== undefined) {
        context.report({ messageId: 'copy', data: { kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) }, span, detail });
      }
    }

    for (const comment of authorComments(model)) {
      const text = maskTagText(comment.body, tagsWithin(model, comment.bodySpan));
      for (const match of findPatientIdentifiers(text, settings.detectOptions)) {
        const span = locateInSource(comment.bodySpan, comment.body, match.start, match.end);
        context.report({ messageId: 'comment', data: { kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) }, span, detail });
      }
    }
  },
};

/** Comments people wrote, without Presend's own directives and Outlook's conditional comments' markup. */
function authorComments(model: TemplateModel): CommentNode[] {
  return model.comments.filter((comment) => {
    const body = comment.body.trimStart();
    const isDirective = model.directive !== null && comment.span.file === model.directive.span.file && comment.span.start === model.directive.span.start;
    return !isDirective && !/^presend\b/i.test(body) && !body.startsWith('[if') && !body.startsWith('<![endif]');
  });
}
