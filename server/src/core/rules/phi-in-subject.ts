import type { Fix, Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import type { Preheader, SubjectLine } from '../model/types';
import { findRevealingTerms } from './support/phi-conditions';
import { findPatientIdentifiers, IDENTIFIER_LABELS } from './support/phi-identifiers';
import { DEFAULT_NEUTRAL_SUBJECT, phiSettings, type PhiSettings } from './support/phi-settings';
import { classifyTag, maskTagText, tagsWithin } from './support/phi-tags';
import { locateInSource } from './support/phi-text';
import { maskIdentifier } from './support/phi-mask';

export const phiInSubject: Rule = {
  meta: {
    id: 'phi-in-subject',
    family: 'phi',
    description: 'The subject line and preheader carry no clinical or identifying merge fields, identifiers or condition names.',
    defaultSeverity: 'error',
    messages: {
      field: "The {{place}} prints the {{phiClass}} field '{{field}}'; lock screens and inbox lists show it to anyone nearby.",
      identifier: 'The {{place}} contains {{kind}} ({{value}}); lock screens and inbox lists show it to anyone nearby.',
      condition: "The {{place}} names '{{term}}', which reveals a health condition on lock screens and in inbox lists.",
    },
    fixable: true,
    basis: 'HIPAA, 45 CFR 164.530(c): reasonable safeguards, such as limiting the amount or type of information in unencrypted email (HHS FAQ 570).',
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    const neutral = neutralSubject(context);
    if (context.model.subject) {
      checkLine(context, settings, context.model.subject, 'subject line', subjectFix(context.model.subject, neutral));
    }
    if (context.model.preheader) {
      checkLine(context, settings, context.model.preheader, 'preheader', undefined);
    }
  },
};

type Place = 'subject line' | 'preheader';

function checkLine(context: RuleContext, settings: PhiSettings, line: SubjectLine | Preheader, place: Place, fix: Fix | undefined): void {
  const tags = tagsWithin(context.model, line.span);
  const withFix = fix ? { fix } : {};

  for (const tag of tags) {
    // The directive's subject sits in a comment, where a tag prints nothing in the body but
    // everything in the subject line.
    const classified = classifyTag({ ...tag, context: 'text' }, settings.fieldOverrides);
    if (classified === undefined) {
      continue;
    }
    const { phiClass, firstNameOnly, reason } = classified.classification;
    if ((phiClass === 'clinical' || phiClass === 'identifier') && firstNameOnly !== true) {
      context.report({ messageId: 'field', data: { place, field: classified.field, phiClass }, span: tag.span, detail: `'${classified.field}' ${reason}.`, ...withFix });
    }
  }

  const text = maskTagText(line.text, tags);
  for (const match of findPatientIdentifiers(text, settings.detectOptions)) {
    const span = locate(line, match.start, match.end);
    context.report({ messageId: 'identifier', data: { place, kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) }, span, ...withFix });
  }
  for (const term of findRevealingTerms(text, settings.conditionTerms)) {
    const span = locate(line, term.start, term.end);
    context.report({
      messageId: 'condition',
      data: { place, term: term.term },
      span,
      detail: `'${term.term}' is a ${term.category} term. Keep the subject general and put the details behind the patient portal sign-in.`,
      ...withFix,
    });
  }
}

function locate(line: SubjectLine | Preheader, start: number, end: number): Span {
  return locateInSource(line.span, line.text, start, end);
}

function neutralSubject(context: RuleContext): string {
  const option = context.options.neutralSubject;
  if (typeof option === 'string' && option.trim() !== '') {
    return option;
  }
  return context.config.user.phi?.neutralSubject ?? DEFAULT_NEUTRAL_SUBJECT;
}

/** Replaces the whole subject: the directive's value, or the text of `<mj-title>`/`<title>`. */
function subjectFix(subject: SubjectLine, neutral: string): Fix {
  const newText = subject.source === 'directive' ? yamlValue(subject.span, neutral) : escapeHtml(neutral);
  return { title: `Use the neutral subject "${neutral}"`, edits: [{ span: subject.span, newText }] };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes `text` as the YAML value at `span`, which excludes any quotes around the old value. */
function yamlValue(span: Span, text: string): string {
  const before = span.file.text[span.start - 1];
  if (before === '"') {
    return JSON.stringify(text).slice(1, -1);
  }
  if (before === "'") {
    return text.replace(/'/g, "''");
  }
  return /^[\s!&*?|>%@`'"{[-]|[:#]|\s$/.test(text) ? JSON.stringify(text) : text;
}
