/** Recipient list verification: the public entry points. */
export { verifyList } from './verify';
export { ListInputError } from './errors';
export { EmailColumnError } from './columns';
export { writeSplit, OutputPathError, type SplitWriter } from './split-writer';
export { needsBom } from './csv-write';
export * from './types';
export { REASON_TEXT, describeRow, describeListFinding } from './reason-text';
