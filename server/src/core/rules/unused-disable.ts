import type { Rule } from '../engine/rule';

/**
 * Reported by the engine itself after all rules ran (see engine/run.ts); this module only
 * declares the metadata so the finding has an id, a severity setting and a doc.
 */
export const unusedDisable: Rule = {
  meta: {
    id: 'unused-disable',
    family: 'template',
    description: 'A presend-disable comment that suppresses nothing should be removed, so it cannot hide a future finding.',
    defaultSeverity: 'warning',
    messages: {
      unused: 'This presend-disable directive for {{rules}} suppresses nothing; remove it.',
      unknownRule: 'This presend-disable directive names unknown rule ids: {{rules}}. Run `presend rules` for the list.',
      ruleOff: 'This presend-disable directive names only rules that are turned off ({{rules}}); remove it.',
    },
    fixable: true,
    basis: 'A stale disable hides the next real finding on that line without anyone deciding so.',
  },

  check() {
    // The engine reports this rule's findings; see runRules.
  },
};
