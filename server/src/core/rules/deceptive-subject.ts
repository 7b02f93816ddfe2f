import type { Rule } from '../engine/rule';
import { DEFAULT_RELATIONSHIP_PHRASES, relationshipSignal } from './support/category-subject';

export const deceptiveSubject: Rule = {
  meta: {
    id: 'deceptive-subject',
    family: 'category',
    description: 'The subject matches what the message is: no transaction or reply wording on an ad, no ad wording on a transactional notice.',
    defaultSeverity: 'warning',
    messages: {
      replyPrefix: 'The subject starts with "{{text}}", which presents this commercial message as a reply or a forward.',
      relationship: 'The subject ("{{text}}") suggests a transaction or an account notice, but this message has no transactional content and its primary purpose is commercial.',
      promotional: 'The subject reads as an ad ({{phrases}}) on a transactional template: readers may skip a notice they need, and the subject alone makes the message commercial.',
    },
    fixable: false,
    basis: 'CAN-SPAM, 15 USC 7704(a)(2): a subject line must not mislead about the content or subject matter of the message; 16 CFR 316.3(a)(2)(i).',
    defaultOptions: { relationshipPhrases: [...DEFAULT_RELATIONSHIP_PHRASES] },
  },

  check(context) {
    const { model, category } = context;
    const subject = model.subject;
    const score = category.classification?.subject ?? null;
    if (!subject || subject.text.trim() === '') {
      return;
    }

    if (category.category === 'transactional' && score?.label === 'promotional') {
      const phrases = [...new Set(score.hits.filter((hit) => hit.signal === 'promotional').map((hit) => `'${hit.text}'`))].join(', ');
      context.report({
        messageId: 'promotional',
        data: { phrases },
        span: subject.span,
        detail: 'Under 16 CFR 316.3(a)(2)(i) a subject that a recipient would read as an ad makes a mixed message commercial, with the opt-out and advertisement duties that follow. Describe the notice in the subject ("Your lab results are ready") and move the offer to a separate marketing message.',
      });
      return;
    }

    if (!category.commercial) {
      return;
    }
    const phrases = stringList(context.options.relationshipPhrases, DEFAULT_RELATIONSHIP_PHRASES);
    const signal = relationshipSignal(subject.text, score, phrases);
    if (!signal) {
      return;
    }
    // A fake reply or forward misleads however openly the rest of the subject advertises.
    if (signal.kind === 'reply-prefix') {
      context.report({ messageId: 'replyPrefix', data: { text: signal.text }, span: subject.span, detail: DETAIL });
      return;
    }
    // "Upgrade your account" names an offer; account wording inside an ad subject misleads no one.
    if (score?.label === 'promotional') {
      return;
    }

    // Where the message carries real transactional content, wording about it is accurate;
    // `transactional-not-first` covers the order of that content.
    const hasTransactionalBlock = category.classification?.blocks.some((block) => block.label === 'transactional') ?? false;
    if (!hasTransactionalBlock) {
      context.report({ messageId: 'relationship', data: { text: signal.text }, span: subject.span, detail: DETAIL });
    }
  },
};

const DETAIL =
  'A subject that borrows the look of an account notice, a result or a reply gets an ad opened under false pretences, which 15 USC 7704(a)(2) forbids and which recipients report as spam. Name the offer or the event in the subject instead.';

function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : fallback;
}
