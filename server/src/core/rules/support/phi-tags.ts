import type { Span } from '../../model/source';
import type { MergeTag, TemplateModel } from '../../model/types';
import { classifyField, type FieldClassification, type PhiClass } from '../../phi/fields';
import { splitFieldWords } from '../../phi/field-words';

/** A merge tag that prints a field, with the class of data the field carries. */
export interface ClassifiedTag {
  tag: MergeTag;
  field: string;
  classification: FieldClassification;
}

/**
 * Last words that name a URL or token the sender supplies (`results_url`, `lab_link`,
 * `visit_token`). Such a field prints a link, not the health data its other words describe.
 */
const LINK_WORDS = new Set(['url', 'urls', 'link', 'links', 'uri', 'href', 'token', 'slug', 'hash', 'signature']);

/** Classes whose values are PHI once they sit next to the recipient's identity. */
export function isPhiClass(phiClass: PhiClass): boolean {
  return phiClass === 'identifier' || phiClass === 'clinical' || phiClass === 'financial';
}

/**
 * Classifies the field a tag prints. Tags that print nothing (block closers, statements) and
 * tags inside comments are skipped: only a printed value can be exposed.
 */
export function classifyTag(tag: MergeTag, overrides: Readonly<Record<string, PhiClass>>): ClassifiedTag | undefined {
  if (tag.kind !== 'output' || tag.field === null || tag.context === 'comment') {
    return undefined;
  }
  const classification = classifyField(tag.field, overrides);
  const words = splitFieldWords(tag.field);
  const last = words[words.length - 1];
  const lowerField = tag.field.toLowerCase();
  const exactOverride = Object.keys(overrides).some((key) => key.toLowerCase() === lowerField);
  if (last !== undefined && LINK_WORDS.has(last) && !exactOverride && classification.phiClass !== 'neutral') {
    return {
      tag,
      field: tag.field,
      classification: { phiClass: 'neutral', words, reason: `ends in '${last}' (neutral: a link or token the sender supplies)`, matched: last },
    };
  }
  return { tag, field: tag.field, classification };
}

/** Printed tags whose span lies inside `span`, in source order. */
export function tagsWithin(model: TemplateModel, span: Span): MergeTag[] {
  const sorted = tagsByFile(model).get(span.file) ?? [];

  // Binary search for the first tag starting at or after the span, so that asking for every
  // text run's tags stays linear-logarithmic on large templates instead of quadratic.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].span.start < span.start) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  const found: MergeTag[] = [];
  for (let index = low; index < sorted.length && sorted[index].span.start < span.end; index++) {
    if (sorted[index].span.end <= span.end) {
      found.push(sorted[index]);
    }
  }
  return found;
}

const tagIndex = new WeakMap<TemplateModel, Map<Span['file'], MergeTag[]>>();

function tagsByFile(model: TemplateModel): Map<Span['file'], MergeTag[]> {
  let index = tagIndex.get(model);
  if (!index) {
    index = new Map();
    for (const tag of model.mergeTags) {
      const list = index.get(tag.span.file) ?? [];
      list.push(tag);
      index.set(tag.span.file, list);
    }
    for (const list of index.values()) {
      list.sort((a, b) => a.span.start - b.span.start);
    }
    tagIndex.set(model, index);
  }
  return index;
}

/**
 * Replaces each tag's text inside `text` with spaces of the same length, so detectors neither
 * match inside a field name (`{{ diabetes_plan }}`) nor report it twice.
 */
export function maskTagText(text: string, tags: readonly MergeTag[]): string {
  // split('') keeps UTF-16 units, so offsets stay those of `text`.
  const chars = text.split('');
  let masked = false;
  for (const raw of new Set(tags.map((tag) => tag.raw))) {
    for (let at = text.indexOf(raw); at >= 0 && raw !== ''; at = text.indexOf(raw, at + raw.length)) {
      chars.fill(' ', at, at + raw.length);
      masked = true;
    }
  }
  return masked ? chars.join('') : text;
}
