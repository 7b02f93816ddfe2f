import type { UserConfig } from '../../config/types';
import type { DetectOptions } from '../../phi/detect';
import type { PhiClass } from '../../phi/fields';

/** The parts of `presend.config.json` the PHI rules read, with defaults applied. */
export interface PhiSettings {
  /** `phi.fields`: field paths or words and the class they carry. */
  fieldOverrides: Readonly<Record<string, PhiClass>>;
  /** `phi.conditionTerms`: the organisation's own condition-revealing terms. */
  conditionTerms: readonly string[];
  /** The organisation's own phones, addresses and domains, which are never findings. */
  detectOptions: DetectOptions;
  /** `organization.domains`: hosts that are the sender's own, never a third party. */
  orgDomains: readonly string[];
  /** `trackers.allow`: hosts covered by a business associate agreement. */
  trackerAllow: readonly string[];
}

export const DEFAULT_NEUTRAL_SUBJECT = 'A message from your care team';

export function phiSettings(user: UserConfig): PhiSettings {
  const organization = user.organization ?? {};
  const orgDomains = (organization.domains ?? []).map(normalizeHost);
  return {
    fieldOverrides: user.phi?.fields ?? {},
    conditionTerms: user.phi?.conditionTerms ?? [],
    detectOptions: { orgPhones: organization.phones ?? [], orgEmails: organization.emails ?? [], orgDomains },
    orgDomains,
    trackerAllow: (user.trackers?.allow ?? []).map(normalizeHost),
  };
}

/** `https://Click.Example.org/` and `@example.org` both become `click.example.org`/`example.org`. */
export function normalizeHost(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
}

/** True when `host` is `domain` or one of its subdomains. */
export function isHostAt(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
