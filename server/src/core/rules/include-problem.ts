import type { Rule } from '../engine/rule';

export const includeProblem: Rule = {
  meta: {
    id: 'include-problem',
    family: 'template',
    description: 'Every <mj-include> must resolve to a readable file inside the workspace, without cycles.',
    defaultSeverity: 'error',
    messages: {
      'outside-workspace': 'The include "{{path}}" points outside the workspace, so Presend did not read it; move the partial into the workspace.',
      'not-found': 'The include "{{path}}" was not found (resolved relative to this file).',
      'missing-extension': 'The include "{{path}}" has no extension, and MJML 5 does not add .mjml, so the partial would not be sent; write "{{path}}.mjml".',
      cycle: 'The include "{{path}}" includes itself through a cycle; break the chain.',
      unreadable: 'The include "{{path}}" could not be read: {{reason}}.',
      'inside-ending-tag': 'The include "{{path}}" sits inside an ending tag such as mj-text, where MJML emits it as raw HTML instead of including the file; move it between components.',
    },
    fixable: true,
    basis: 'Content a template includes is part of what is sent; Presend can only check what it can read.',
  },

  check(context) {
    for (const problem of context.model.problems) {
      if (problem.kind === 'include' && problem.code in this.meta.messages) {
        const end = { ...problem.span, start: problem.span.end };
        const fix = problem.code === 'missing-extension' ? { title: 'Add .mjml to the include path', edits: [{ span: end, newText: '.mjml' }] } : undefined;
        context.report({ messageId: problem.code, data: { reason: '', ...problem.data }, span: problem.span, fix });
      }
    }
  },
};
