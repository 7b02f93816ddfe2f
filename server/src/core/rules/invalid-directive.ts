import type { Rule } from '../engine/rule';

export const invalidDirective: Rule = {
  meta: {
    id: 'invalid-directive',
    family: 'template',
    description: 'The <!-- presend … --> directive must use known keys with accepted values.',
    defaultSeverity: 'error',
    messages: {
      'unknown-key': 'Unknown directive key "{{key}}"; accepted keys: {{accepted}}.',
      'invalid-value': 'Invalid value "{{value}}" for "{{key}}"; use {{accepted}}.',
      'invalid-yaml': 'The directive is not valid YAML: {{reason}}. Write one "key: value" per line.',
      'duplicate-directive': 'A second presend directive is ignored; merge its keys into the first one.',
    },
    fixable: false,
    basis: 'Presend reads the template\'s category, sender and list from this directive; a mistyped key would silently change which rules apply.',
  },

  check(context) {
    for (const problem of context.model.problems) {
      if (problem.kind === 'directive') {
        context.report({ messageId: problem.code, data: problem.data, span: problem.span });
      }
    }
  },
};
