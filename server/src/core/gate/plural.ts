/** Counts in messages: "1 row", "2 rows", and the verb that agrees with them. */

/** `counted(1, 'row')` is "1 row", `counted(2, 'row')` "2 rows"; `plural` for nouns that do not just add an s. */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** Returns the verb form that agrees with a count: `agree(1, 'is', 'are')` is "is". */
export function agree(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}
