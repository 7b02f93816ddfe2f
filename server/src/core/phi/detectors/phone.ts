import { PATIENT_CONTEXT } from './patient-context';
import type { DetectOptions, IdentifierMatch } from './types';

/**
 * North American (NANP) phone numbers: [+1] NPA-NXX-XXXX with NPA [2-9][0-8][0-9] and NXX
 * [2-9]XX, where neither is an N11 service code. Accepted forms: (555) 234-5678, 555-234-5678,
 * 555.234.5678, 555 234 5678, 5552345678 and +1 555 234 5678. NXX 555 with line 0100-0199 is
 * reserved for fiction.
 *
 * A footer with the sender's number is normal, so a number is reported only with
 * `patientContext` or when the nearest context phrase ties it to the recipient, and never when
 * it is one of `orgPhones`.
 */
const CANDIDATE = /(?<![A-Za-z0-9+]|\d[-. ])(?:\+?1[-. ]?)?(?:\((\d{3})\)[ \t]?|(\d{3})[-. ]?)(\d{3})[-. ]?(\d{4})(?![A-Za-z0-9]|[-.]\d)/g;

export function detectPhones(text: string, options: DetectOptions = {}): IdentifierMatch[] {
  const orgNumbers = new Set((options.orgPhones ?? []).map(normalizePhone));
  const matches: IdentifierMatch[] = [];

  for (const found of text.matchAll(CANDIDATE)) {
    const areaCode = found[1] ?? found[2];
    const exchange = found[3];
    const line = found[4];
    if (!isValidNanp(areaCode, exchange, line) || orgNumbers.has(areaCode + exchange + line)) {
      continue;
    }

    const start = found.index;
    const end = start + found[0].length;
    if (options.patientContext === true) {
      matches.push({ type: 'phone', start, end, value: found[0] });
      continue;
    }
    const context = PATIENT_CONTEXT.nearest(text, start, end);
    if (context?.value === 'patient') {
      matches.push({ type: 'phone', start, end, value: found[0], context: context.text });
    }
  }
  return matches;
}

export function isValidNanp(areaCode: string, exchange: string, line: string): boolean {
  const npaOk = /^[2-9][0-8]\d$/.test(areaCode) && !isN11(areaCode);
  const nxxOk = /^[2-9]\d\d$/.test(exchange) && !isN11(exchange);
  const fictional = exchange === '555' && Number(line) >= 100 && Number(line) <= 199;
  return npaOk && nxxOk && /^\d{4}$/.test(line) && !fictional;
}

/** Ten digits without the country code, so `+1 (555) 234-5678` and `555.234.5678` compare equal. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

function isN11(code: string): boolean {
  return code[1] === '1' && code[2] === '1';
}
