/** The pre-send gate: the public entry points. */
export { runGate } from './gate';
export { GMAIL_CLIP_BYTES } from './clipping';
export { MAX_LINE_OCTETS } from './long-lines';
export { OPT_OUT_RULE_IDS } from './rendered-check';
export * from './types';
