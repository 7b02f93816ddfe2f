import type { CategoryDecision } from '../../engine/rule';
import type { TemplateModel } from '../../model/types';
import { findConditionTargeting } from '../../phi/conditions';
import { findRevealingTerms } from './phi-conditions';
import type { PhiSettings } from './phi-settings';
import { classifyTag } from './phi-tags';
import { visibleRunDocument } from './phi-text';

/**
 * Dictionary phrases of a greeting name, a login name or the address the message goes to. The
 * sending service has these already, so a tracker learns nothing new from them. The rules that
 * ask whether a message carries PHI look for health data and for identifiers beyond these.
 */
const ENVELOPE_PHRASES = new Set([
  'name', 'full name', 'first name', 'given name', 'fname', 'last name', 'lname', 'surname', 'family name', 'middle name',
  'preferred name', 'display name', 'nickname', 'initials', 'username', 'uname', 'email', 'e mail', 'email address',
]);

/** The reason a message carries PHI, for the finding's hover. */
export interface PhiEvidence {
  /** E.g. `the clinical field 'appt.type'`, `'diagnosed with diabetes' in the copy`. */
  description: string;
}

/**
 * Decides whether a message carries PHI and returns the first evidence found. Evidence is a
 * printed clinical or financial field, an identifier beyond the recipient's name and address,
 * copy that addresses the reader by condition, or a condition in the subject or preheader. In a
 * message that is not commercial, which is about the recipient, a condition in the copy counts too.
 */
export function findPhiEvidence(model: TemplateModel, category: CategoryDecision, settings: PhiSettings): PhiEvidence | undefined {
  for (const tag of model.mergeTags) {
    const classified = classifyTag(tag, settings.fieldOverrides);
    if (classified === undefined) {
      continue;
    }
    const { phiClass, matched } = classified.classification;
    const envelope = phiClass === 'identifier' && matched !== undefined && ENVELOPE_PHRASES.has(matched);
    if ((phiClass === 'clinical' || phiClass === 'financial' || phiClass === 'identifier') && !envelope) {
      return { description: `the ${phiClass} field '${classified.field}'` };
    }
  }

  for (const line of [model.subject, model.preheader]) {
    const term = line ? findRevealingTerms(line.text, settings.conditionTerms)[0] : undefined;
    if (line && term) {
      return { description: `'${term.term}' in the ${line === model.subject ? 'subject line' : 'preheader'}` };
    }
  }

  const visible = visibleRunDocument(model);
  const targeting = findConditionTargeting(visible.text, settings.conditionTerms)[0];
  if (targeting) {
    return { description: `'${targeting.text}' in the copy` };
  }
  if (category.category === 'transactional' && !category.commercial) {
    const term = findRevealingTerms(visible.text, settings.conditionTerms)[0];
    if (term) {
      return { description: `'${term.term}' in the copy of a message about the recipient` };
    }
  }
  return undefined;
}
