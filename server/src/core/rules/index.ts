import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../engine/rule';
import { brokenUnsubscribe } from './broken-unsubscribe';
import { deceptiveSubject } from './deceptive-subject';
import { hiddenUnsubscribe } from './hidden-unsubscribe';
import { includeProblem } from './include-problem';
import { insecureLink } from './insecure-link';
import { inferredCategory } from './inferred-category';
import { invalidDirective } from './invalid-directive';
import { missingAdLabel } from './missing-ad-label';
import { missingFundraisingOptOut } from './missing-fundraising-opt-out';
import { missingPostalAddress } from './missing-postal-address';
import { missingUnsubscribe } from './missing-unsubscribe';
import { phiInAttribute } from './phi-in-attribute';
import { phiInMarketing } from './phi-in-marketing';
import { phiInSubject } from './phi-in-subject';
import { phiInUrl } from './phi-in-url';
import { phiLiteral } from './phi-literal';
import { promotionalInTransactional } from './promotional-in-transactional';
import { trackingWithPhi } from './tracking-with-phi';
import { transactionalNotFirst } from './transactional-not-first';
import { unusedDisable } from './unused-disable';

/** Every rule Presend runs, in the order `presend rules` lists them. */
export const RULES: readonly Rule[] = [
  missingUnsubscribe,
  brokenUnsubscribe,
  hiddenUnsubscribe,
  missingPostalAddress,
  missingFundraisingOptOut,
  phiInSubject,
  phiInUrl,
  phiInAttribute,
  phiLiteral,
  phiInMarketing,
  trackingWithPhi,
  insecureLink,
  inferredCategory,
  promotionalInTransactional,
  transactionalNotFirst,
  deceptiveSubject,
  missingAdLabel,
  invalidDirective,
  includeProblem,
  unusedDisable,
];

/**
 * Returns a file URL of the rule's doc. The docs ship with the extension and the npm package,
 * so the link works offline; the folder is found by walking up from this module, because the
 * bundle (dist/) and the compiled tests (out/) sit at different depths.
 */
export function ruleDocUrl(id: string): string {
  return pathToFileURL(path.join(rulesDocsFolder(), `${id}.md`)).href;
}

let docsFolder: string | undefined;

function rulesDocsFolder(): string {
  if (docsFolder) {
    return docsFolder;
  }
  let folder = __dirname;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = path.join(folder, 'docs', 'rules');
    if (fs.existsSync(candidate)) {
      docsFolder = candidate;
      return candidate;
    }
    folder = path.dirname(folder);
  }
  docsFolder = path.join(__dirname, '..', 'docs', 'rules');
  return docsFolder;
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
