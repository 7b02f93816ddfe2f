/**
 * Decodes a template's bytes the way an editor would: UTF-8 (with or without a byte-order
 * mark), or UTF-16 when a UTF-16 byte-order mark says so. Anything else is rejected with the
 * reason, because checking garbage would report a clean template that was never read.
 */
export type DecodedTemplate = { text: string } | { error: string };

/** Bytes that never occur in a text template; one NUL in the first 8 KB marks a binary file. */
const BINARY_SNIFF_BYTES = 8192;

export function decodeTemplate(bytes: Buffer): DecodedTemplate {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { error: 'The file contains NUL bytes, so it is binary, not a template.' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'The file is not valid UTF-8; save it as UTF-8 (the encoding mail services expect) and check it again.' };
  }
}
