/**
 * Parses a DKIM or DMARC tag list: `name=value` pairs separated by semicolons, with optional
 * whitespace around each part (RFC 6376 3.2, which RFC 7489 6.4 reuses). Tag names are
 * case-sensitive. A name that appears twice makes the whole list invalid.
 */

export type TagListResult =
  | { ok: true; tags: Map<string, string>; order: string[] }
  | { ok: false; error: string };

export function parseTagList(text: string): TagListResult {
  const tags = new Map<string, string>();
  const order: string[] = [];

  for (const part of text.split(';')) {
    if (part.trim() === '') {
      continue;
    }

    const equals = part.indexOf('=');
    if (equals < 0) {
      return { ok: false, error: `"${part.trim()}" has no "=" (write each tag as name=value)` };
    }

    const name = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      return { ok: false, error: `"${name}" is not a valid tag name` };
    }
    if (tags.has(name)) {
      return { ok: false, error: `the tag "${name}" appears twice` };
    }

    tags.set(name, value);
    order.push(name);
  }

  return { ok: true, tags, order };
}
