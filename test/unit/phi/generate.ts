/**
 * Check-digit generators for test data. Numbers that must pass a checksum are computed here,
 * independently of the detectors, so no test depends on a real person's or provider's number.
 */

/** Returns a ten-digit NPI: the nine-digit prefix plus its Luhn check digit over 80840 + prefix. */
export function makeNpi(prefix9: string): string {
  const payload = `80840${prefix9}`;
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    }
    sum += digit;
  }
  return `${prefix9}${(10 - (sum % 10)) % 10}`;
}

/** Returns a DEA number: two letters, six digits and the check digit (d1+d3+d5)+2(d2+d4+d6) mod 10. */
export function makeDea(letters: string, digits6: string): string {
  const d = [...digits6].map(Number);
  const check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
  return `${letters}${digits6}${check}`;
}

/** Replaces the last digit with the next one modulo 10, which always breaks the check digit. */
export function breakCheckDigit(value: string): string {
  const last = Number(value[value.length - 1]);
  return `${value.slice(0, -1)}${(last + 1) % 10}`;
}

export interface Expected {
  type: string;
  value: string;
  context?: string;
}

/** Builds the exact matches expected in `text`; each value is located by its first occurrence at or after the previous one. */
export function spans(text: string, expected: readonly Expected[]): Array<{ type: string; start: number; end: number; value: string; context?: string }> {
  let from = 0;
  return expected.map((item) => {
    const start = text.indexOf(item.value, from);
    if (start < 0) {
      throw new Error(`Test data error: '${item.value}' is not in '${text}'. Fix the expected value.`);
    }
    from = start + item.value.length;
    return { type: item.type, start, end: start + item.value.length, value: item.value, ...(item.context !== undefined ? { context: item.context } : {}) };
  });
}
