/**
 * Masks an identifier for messages: every letter and digit but the last two becomes •, so a
 * finding says which value it means without copying the SSN or MRN itself into CI logs,
 * SARIF uploads and screenshots. Separators stay, so the format is still recognisable.
 */
export function maskIdentifier(value: string): string {
  let kept = 0;
  const characters = [...value];
  for (let index = characters.length - 1; index >= 0; index--) {
    if (/[\p{L}\p{N}]/u.test(characters[index])) {
      kept++;
      if (kept > 2) {
        characters[index] = '•';
      }
    }
  }
  return characters.join('');
}
