import type { Token } from './textmate';

/**
 * Renders tokens as text for the committed .snap files: each source line, then one row per
 * token with its text and its scopes below the root scope, outermost first.
 */
export function formatTokens(source: string, tokens: Token[]): string {
  const lines = source.split(/\r?\n/);
  const out: string[] = [];

  lines.forEach((lineText, line) => {
    out.push(`${line + 1}: ${lineText}`);
    for (const token of tokens.filter((candidate) => candidate.line === line)) {
      const scopes = token.scopes.slice(1);
      // Whitespace that no rule matched would only add noise to the diff.
      if (scopes.length === 0 && token.text.trim() === '') {
        continue;
      }
      out.push(`    ${JSON.stringify(token.text).padEnd(24)} ${scopes.join(' ') || '-'}`);
    }
  });

  return out.join('\n') + '\n';
}

/** Returns the first differing line with three lines of context on either side, or '' when equal. */
export function describeDifference(expected: string, actual: string): string {
  if (expected === actual) {
    return '';
  }

  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let first = 0;
  while (first < expectedLines.length && expectedLines[first] === actualLines[first]) {
    first++;
  }

  const from = Math.max(0, first - 3);
  const to = first + 4;
  const context = (lines: string[], sign: string) =>
    lines.slice(from, to).map((text, index) => `${from + index === first ? sign : ' '} ${from + index + 1}| ${text}`);

  return [
    `first difference at snapshot line ${first + 1}`,
    'expected:',
    ...context(expectedLines, '-'),
    'actual:',
    ...context(actualLines, '+'),
  ].join('\n');
}
