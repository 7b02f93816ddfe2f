/**
 * A problem with what the user gave (a missing file, a file that is not a CSV, no address
 * column, an output path that would overwrite the list): the message names the value and the
 * fix, and the CLI answers it with exit code 2 rather than a stack trace.
 */
export class ListInputError extends Error {}
