import { ContextWords } from './context';

/**
 * Words that tie a phone number or address in the text to the recipient, against words that
 * mark it as the sender's. The nearest phrase in the context window decides, and a longer
 * phrase wins where they overlap: `Member Services: (555) 234-5678` is the sender's line even
 * though `member` alone points at the recipient.
 */
export type ContextSide = 'patient' | 'sender';

const PATIENT = [
  'patient',
  'member',
  'recipient',
  'subscriber',
  'your phone',
  'your phone number',
  'your mobile',
  'your mobile number',
  'your cell',
  'your cell phone',
  'your number',
  'your home phone',
  'your email',
  'your email address',
  'your address',
  'mobile on file',
  'phone on file',
  'number on file',
  'email on file',
  'on file',
  'cell',
  'cell phone',
  'call you at',
  'text you at',
  'reach you at',
  'sent to',
  'registered',
  'signed in as',
  'logged in as',
  'username',
  'user name',
];

const SENDER = [
  'call us',
  'text us',
  'contact us',
  'reach us',
  'email us',
  'write to us',
  'reply to',
  'our office',
  'our number',
  'our team',
  'our phone',
  'our main',
  'office',
  'clinic',
  'practice',
  'pharmacy',
  'front desk',
  'member services',
  'member service',
  'patient services',
  'patient support',
  'patient line',
  'patient portal',
  'customer service',
  'customer support',
  'support',
  'help',
  'helpline',
  'hotline',
  'nurse line',
  'questions',
  'fax',
  'toll free',
  'tty',
  'hours',
  'sent by',
  'sender',
  'unsubscribe',
  'privacy',
];

export const PATIENT_CONTEXT: ContextWords<ContextSide> = new ContextWords<ContextSide>([
  ...PATIENT.map((phrase) => ({ phrase, value: 'patient' as const })),
  ...SENDER.map((phrase) => ({ phrase, value: 'sender' as const })),
]);
