import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateCategory } from './category';
import { evaluateHeldout } from './heldout';
import { evaluatePhi } from './phi';

/**
 * `npm run eval`: measures the accuracy of the PHI rules and of category inference on the
 * labelled fixture sets (and the shared corpus when present), prints the figures and writes
 * them to docs/accuracy.md.
 */

export interface EvalSection {
  title: string;
  /** Markdown body: tables of figures and the remaining misses. */
  markdown: string;
  /** True when every figure meets its target. */
  meetsTargets: boolean;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const sections = [await evaluatePhi(root), await evaluateCategory(root), await evaluateHeldout(root)];

  const lines = [
    '# Accuracy',
    '',
    `Measured by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}).`,
    'Targets: PHI rules recall ≥ 0.98 and precision ≥ 0.95; category inference and category rules ≥ 0.95.',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', section.markdown.trim(), '');
    process.stdout.write(`\n${section.title}\n${section.markdown.trim()}\n`);
  }
  fs.writeFileSync(path.join(root, 'docs', 'accuracy.md'), lines.join('\n'));
  process.stdout.write('\nWrote docs/accuracy.md\n');

  const missed = sections.filter((section) => !section.meetsTargets).map((section) => section.title);
  if (missed.length > 0) {
    process.stderr.write(`Targets missed: ${missed.join(', ')}\n`);
    process.exitCode = 1;
  }
}

void main();
