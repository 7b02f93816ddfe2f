import type { Rule, RuleContext } from '../engine/rule';
import type { Span } from '../model/source';
import { forEachFilledAttribute } from '../model/tree';
import type { Attribute } from '../model/types';
import { classifyField } from '../phi/fields';
import { findRevealingTerms } from './support/phi-conditions';
import { findPatientIdentifiers, IDENTIFIER_LABELS } from './support/phi-identifiers';
import { phiSettings, type PhiSettings } from './support/phi-settings';
import { classifyTag, isPhiClass, tagsWithin } from './support/phi-tags';
import { locateInSource } from './support/phi-text';
import { parseUrl, type UrlParam } from './support/phi-urls';
import { maskIdentifier } from './support/phi-mask';

/** Attributes that hold a URL a mail client, proxy or browser requests. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'background', 'background-url', 'action', 'poster', 'data-src', 'icon']);

/** Schemes whose URLs are never fetched from a server, so nothing logs them. */
const LOCAL_SCHEMES = new Set(['mailto', 'tel', 'sms', 'cid', 'data', 'javascript']);

/** Parameters that name a campaign or an audience segment. */
const CAMPAIGN_PARAMS = new Set(['campaign', 'cmp', 'cid', 'segment', 'audience', 'cohort', 'list', 'group', 'tag', 'tags', 'program', 'source', 'medium', 'content']);

export const phiInUrl: Rule = {
  meta: {
    id: 'phi-in-url',
    family: 'phi',
    description: 'Links and image URLs carry no PHI fields, identifiers or condition-revealing campaign parameters.',
    defaultSeverity: 'error',
    messages: {
      field: "The {{attribute}} URL carries the {{phiClass}} field '{{field}}'; web servers, proxies, click trackers and analytics log URLs.",
      identifier: 'The {{attribute}} URL contains {{kind}} ({{value}}); web servers, proxies, click trackers and analytics log URLs.',
      campaign: "The parameter '{{parameter}}' names '{{term}}', which tells every log and analytics report that the recipient has the condition.",
    },
    fixable: false,
    basis: 'HIPAA, 45 CFR 164.530(c) and the HHS bulletin on tracking technologies (2022, revised 2024): URLs and query strings are logged and shared with analytics vendors.',
  },

  check(context) {
    const settings = phiSettings(context.config.user);
    forEachFilledAttribute(context.model.roots, (attribute) => {
      if (URL_ATTRIBUTES.has(attribute.name)) {
        checkUrl(context, settings, attribute);
      }
    });
  },
};

function checkUrl(context: RuleContext, settings: PhiSettings, attribute: Attribute): void {
  const url = parseUrl(attribute.value, attribute.valueSpan);
  if (url.scheme !== undefined && LOCAL_SCHEMES.has(url.scheme)) {
    return;
  }
  const name = attribute.name;
  const reported: Span[] = [];
  const report = (messageId: string, data: Record<string, string>, span: Span, detail?: string): void => {
    if (reported.some((other) => other.start < span.end && span.start < other.end)) {
      return;
    }
    reported.push(span);
    context.report({ messageId, data, span, ...(detail !== undefined ? { detail } : {}) });
  };

  const valueStart = attribute.valueSpan.start + (attribute.value.length - attribute.value.trimStart().length);
  for (const tag of tagsWithin(context.model, attribute.valueSpan)) {
    // A field that starts the URL is the link itself (`{{ fhir_address }}`), which the sender supplies.
    if (tag.span.start === valueStart) {
      continue;
    }
    const classified = classifyTag(tag, settings.fieldOverrides);
    if (classified && isPhiClass(classified.classification.phiClass)) {
      const detail = `'${classified.field}' ${classified.classification.reason}. Send an opaque token instead and look the record up after the patient signs in.`;
      report('field', { attribute: name, field: classified.field, phiClass: classified.classification.phiClass }, tag.span, detail);
    }
  }

  for (const match of findPatientIdentifiers(attribute.decoded, settings.detectOptions)) {
    const span = locateInSource(attribute.valueSpan, attribute.decoded, match.start, match.end);
    report('identifier', { attribute: name, kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) }, span);
  }

  for (const param of url.params) {
    const identifier = literalIdentifierIn(param, settings);
    if (identifier !== undefined) {
      report('identifier', { attribute: name, kind: identifier.kind, value: maskIdentifier(identifier.value) }, param.span);
    }
    const term = campaignTerm(param, settings);
    if (term !== undefined) {
      report('campaign', { parameter: param.name, term }, param.span, 'Name campaigns by date or code (utm_campaign=2025-04-newsletter), not by the condition of the people they target.');
    }
  }
}

/** Finds a literal identifier such as `?phone=5032345678` under a parameter whose name is an identifier field. */
function literalIdentifierIn(param: UrlParam, settings: PhiSettings): { kind: string; value: string } | undefined {
  if (param.value === '' || /[{}|%*]/.test(param.value)) {
    return undefined;
  }
  const phiClass = classifyField(param.name, settings.fieldOverrides).phiClass;
  if (phiClass !== 'identifier') {
    return undefined;
  }
  const match = findPatientIdentifiers(param.value, { ...settings.detectOptions, patientContext: true })[0];
  return match ? { kind: IDENTIFIER_LABELS[match.type], value: maskIdentifier(match.value) } : undefined;
}

function campaignTerm(param: UrlParam, settings: PhiSettings): string | undefined {
  if (!param.name.startsWith('utm_') && !CAMPAIGN_PARAMS.has(param.name)) {
    return undefined;
  }
  const words = param.value.replace(/[-_+.,/]+/g, ' ');
  return findRevealingTerms(words, settings.conditionTerms)[0]?.term;
}
