import type { DnsAnswer } from './resolver';

/**
 * The result every sender authentication check returns. `unknown` means DNS did not answer
 * (a timeout or server failure) or the check lacks the configuration it needs. It is never
 * reported as a failure, because the record may well be fine.
 */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export type AuthCheckId = 'spf' | 'dkim' | 'dmarc' | 'alignment';

export interface AuthCheck<Id extends AuthCheckId, Detail> {
  id: Id;
  status: CheckStatus;
  /** Names the domain or record checked and what was found. */
  message: string;
  /** The change to make in DNS or in the config; absent when nothing needs changing. */
  fix?: string;
  detail: Detail;
}

/** True for answers that say nothing about the record: timeouts and server failures. */
export function isUnanswered<T>(answer: DnsAnswer<T>): answer is Extract<DnsAnswer<T>, { status: 'timeout' | 'error' }> {
  return answer.status === 'timeout' || answer.status === 'error';
}

/** Describes an unanswered lookup for a message, for example "TXT _dmarc.example.org timed out". */
export function describeUnanswered(type: string, name: string, answer: { status: 'timeout' | 'error'; detail: string }): string {
  if (answer.status === 'timeout') {
    return `${type} ${name} timed out`;
  }
  return `${type} ${name} failed (${answer.detail})`;
}
