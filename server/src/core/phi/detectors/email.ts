import { PATIENT_CONTEXT } from './patient-context';
import type { DetectOptions, IdentifierMatch } from './types';

/**
 * Email addresses that belong to the recipient. Addresses in templates are mostly the
 * sender's, so an address is reported only with `patientContext` or when a recipient phrase is
 * the nearest context phrase. It is never reported when it is the sender's (`orgEmails`,
 * `orgDomains`), a role mailbox (`noreply@`, `support@`), at an email service provider's domain,
 * or a placeholder (`you@`, anything at `example.*`, `.invalid`, `.localhost`).
 *
 * The scanner starts at each `@` and walks out at most 64 characters left and 253 right (the
 * RFC 5321 limits), so a run like `a@a@a@…` costs constant work per `@`.
 */
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** Role and placeholder local parts, compared with dots, dashes and underscores removed. */
const NON_PERSONAL_LOCAL = new Set([
  'noreply', 'donotreply', 'dontreply', 'reply', 'replies', 'info', 'information', 'support', 'help', 'contact',
  'admin', 'administrator', 'postmaster', 'hostmaster', 'webmaster', 'abuse', 'hello', 'hi', 'team', 'billing',
  'privacy', 'security', 'marketing', 'sales', 'news', 'newsletter', 'notifications', 'notification', 'notify',
  'alerts', 'alert', 'unsubscribe', 'mailerdaemon', 'bounce', 'bounces', 'feedback', 'office', 'appointments',
  'scheduling', 'frontdesk', 'reception', 'careers', 'jobs', 'hr', 'media', 'press', 'compliance', 'legal',
  'service', 'customerservice', 'memberservices', 'patientservices', 'care', 'pharmacy', 'refills', 'records',
  'medicalrecords', 'mail', 'email', 'you', 'your', 'yourname', 'youremail', 'yourfirstname', 'name', 'firstname',
  'firstlast', 'firstnamelastname', 'user', 'username', 'someone', 'somebody', 'example', 'sample', 'placeholder',
]);

/** Sending and tracking domains of email service providers. */
const ESP_DOMAINS = [
  'mailchimp.com', 'list-manage.com', 'mcsv.net', 'rsgsv.net', 'mcdlv.net', 'mandrillapp.com', 'sendgrid.net',
  'sendgrid.com', 'mailgun.org', 'mailgun.net', 'amazonses.com', 'postmarkapp.com', 'sparkpostmail.com',
  'mktomail.com', 'hubspotemail.net', 'constantcontact.com', 'ccsend.com', 'klaviyomail.com', 'sendinblue.com',
  'brevo.com', 'mailjet.com', 'campaign-archive.com', 'exacttarget.com',
];

const PLACEHOLDER_DOMAINS = ['domain.com', 'yourdomain.com', 'yoursite.com', 'yourcompany.com', 'company.com', 'email.example'];

export function detectEmails(text: string, options: DetectOptions = {}): IdentifierMatch[] {
  const orgEmails = new Set((options.orgEmails ?? []).map((email) => email.toLowerCase()));
  const orgDomains = (options.orgDomains ?? []).map((domain) => domain.toLowerCase().replace(/^@/, ''));
  const matches: IdentifierMatch[] = [];

  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const found = addressAround(text, at);
    if (found === undefined) {
      continue;
    }
    const [start, end] = found;
    const value = text.slice(start, end);
    if (!isPersonalAddress(value, orgEmails, orgDomains)) {
      continue;
    }

    if (options.patientContext === true) {
      matches.push({ type: 'email', start, end, value });
      continue;
    }
    const context = PATIENT_CONTEXT.nearest(text, start, end);
    if (context?.value === 'patient') {
      matches.push({ type: 'email', start, end, value, context: context.text });
    }
  }
  return matches;
}

/** Returns the span of a syntactically valid address around the `@` at `at`, if there is one. */
function addressAround(text: string, at: number): [number, number] | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) {
    start--;
  }
  if (start > 0 && isLocalChar(text.charCodeAt(start - 1))) {
    return undefined;
  }

  let end = at + 1;
  while (end < text.length && end - at - 1 < MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) {
    end++;
  }
  if (end < text.length && (isDomainChar(text.charCodeAt(end)) || text[end] === '@' || text[end] === '_')) {
    return undefined;
  }

  // A sentence may end right after the address: `write to jane@mail.test.`
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) {
    end--;
  }
  while (start < at && text[start] === '.') {
    start++;
  }

  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  return isValidLocal(local) && isValidDomain(domain) ? [start, end] : undefined;
}

function isValidLocal(local: string): boolean {
  return local.length > 0 && !local.endsWith('.') && !local.includes('..');
}

function isValidDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) {
    return false;
  }
  const labelsOk = labels.every((label) => label.length >= 1 && label.length <= 63 && !label.startsWith('-') && !label.endsWith('-'));
  return labelsOk && /^[A-Za-z]{2,24}$/.test(labels[labels.length - 1]);
}

function isPersonalAddress(address: string, orgEmails: ReadonlySet<string>, orgDomains: readonly string[]): boolean {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at).replace(/\+.*$/, '');
  const domain = lower.slice(at + 1);

  if (orgEmails.has(lower) || isAtDomain(domain, orgDomains) || isAtDomain(domain, ESP_DOMAINS) || isAtDomain(domain, PLACEHOLDER_DOMAINS)) {
    return false;
  }
  if (NON_PERSONAL_LOCAL.has(local.replace(/[._-]/g, ''))) {
    return false;
  }

  // RFC 2606 names: example.com/.org/.net and the .example, .invalid and .localhost TLDs.
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  const secondLevel = labels[labels.length - 2];
  return secondLevel !== 'example' && tld !== 'example' && tld !== 'invalid' && tld !== 'localhost';
}

function isAtDomain(domain: string, domains: readonly string[]): boolean {
  return domains.some((candidate) => domain === candidate || domain.endsWith(`.${candidate}`));
}

function isLocalChar(code: number): boolean {
  return isAlphanumericCode(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
}

function isDomainChar(code: number): boolean {
  return isAlphanumericCode(code) || code === 46 || code === 45;
}

function isAlphanumericCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
