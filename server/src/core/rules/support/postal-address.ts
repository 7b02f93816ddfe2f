import type { MergeTag, TemplateModel } from '../../model/types';

/**
 * Finds a physical postal address in the visible text: a street address with a number and a
 * street type followed by a city/state/ZIP or a postcode, a PO Box or private mailbox, or a
 * merge tag that an ESP fills with the sender's address. Patterns are bounded so matching
 * stays linear in the text length.
 */

const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box|PMB|Private Mail Box)\s*#?\s*\d+/i;

const STREET = /\b\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+(?:[A-Za-z0-9.'’-]+\s+){0,5}?(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Ter|Square|Sq|Trail|Trl|Plaza|Plz|Pike|Row|Loop|Alley|Broadway|Crescent|Close|Strasse|Straße)\b\.?/i;

/**
 * `City, ST 12345` (separated by commas, bars or middle dots too, as footers write it),
 * `City, State 12345-6789`, a UK postcode, a Canadian postal code, or a European
 * `12345 City`.
 */
const LOCALITY = /[,|·•]\s*[A-Z]{2}\.?[\s,|·•]+\d{5}(?:-\d{4})?\b|,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{4,5}\s+[A-Z][a-z]+/;

/** How far after (or, in European order, before) a street line the city and postcode may appear. */
const LOCALITY_WINDOW = 160;

const SENDER_NAMESPACES = new Set(['list', 'org', 'organization', 'organisation', 'company', 'sender', 'business', 'clinic', 'practice', 'physical', 'mailing', 'postal', 'footer', 'account', 'html', 'hospital', 'office']);

export interface AddressMatch {
  kind: 'street' | 'po-box' | 'merge-tag';
  text: string;
}

export function findPostalAddress(model: TemplateModel): AddressMatch | undefined {
  const tag = model.mergeTags.find(isSenderAddressTag);
  if (tag) {
    return { kind: 'merge-tag', text: tag.raw };
  }

  const text = model.textRuns
    .filter((run) => !run.hidden)
    .map((run) => run.text)
    .join('\n');
  return findAddressInText(text);
}

export function findAddressInText(text: string): AddressMatch | undefined {
  const box = PO_BOX.exec(text);
  if (box) {
    return { kind: 'po-box', text: box[0] };
  }

  // Scan street candidates one by one; each needs a locality right after it.
  let rest = text;
  let guard = 0;
  while (rest.length > 0 && guard++ < 1000) {
    const street = STREET.exec(rest);
    if (!street) {
      return undefined;
    }
    const after = rest.slice(street.index, street.index + street[0].length + LOCALITY_WINDOW);
    if (LOCALITY.test(after.slice(street[0].length - 1))) {
      return { kind: 'street', text: after.split('\n').slice(0, 2).join(' ').trim() };
    }
    const before = rest.slice(Math.max(0, street.index - LOCALITY_WINDOW), street.index);
    if (LOCALITY.test(before)) {
      return { kind: 'street', text: `${before.split('\n').pop() ?? ''}${street[0]}`.trim() };
    }
    rest = rest.slice(street.index + street[0].length);
  }
  return undefined;
}

export function isSenderAddressTag(tag: MergeTag): boolean {
  if (tag.kind !== 'output' || tag.field === null) {
    return false;
  }
  const words = tag.field.split(/[.:_\-\s]+|(?<=[a-z])(?=[A-Z])/).map((word) => word.toLowerCase()).filter(Boolean);
  const hasAddress = words.some((word) => word === 'address' || word === 'addr' || word === 'addressline');
  if (!hasAddress) {
    return false;
  }
  return words.slice(0, -1).some((word) => SENDER_NAMESPACES.has(word));
}
