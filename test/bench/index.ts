import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateList } from './inputs/lists';
import { generateTemplate } from './inputs/templates';
import { benchKeystroke } from './keystroke';
import { benchList } from './list';
import { benchPreview } from './preview';
import { machineLine, table, targetRow, type BenchSection } from './report';
import { benchTemplateCheck, templatePath, type TemplateInput } from './template-check';
import { hasGc } from './timing';

/**
 * `npm run bench`: measures Presend side by side with the tools users would otherwise run, in
 * one process run, and reports ratios, since absolute times on a shared machine drift. Inputs
 * are generated into a temporary folder and removed at the end. Prints the figures and writes
 * docs/benchmarks.md; exits with 1 when a target is missed.
 */

const TEMPLATE_SIZES: [label: string, bytes: number][] = [
  ['2 KB', 2 * 1024],
  ['20 KB', 20 * 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
];

async function main(): Promise<void> {
  if (!hasGc()) {
    process.stderr.write('Run the benchmarks with node --expose-gc (npm run bench does), so that each measurement starts from a collected heap.\n');
  }
  const root = path.resolve(__dirname, '../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'presend-bench-'));
  const started = Date.now();
  const loadBefore = os.loadavg()[0];

  try {
    process.stdout.write(`Generating inputs in ${workspace}\n`);
    const templates: TemplateInput[] = TEMPLATE_SIZES.map(([label, bytes]) => {
      const file = templatePath(workspace, label);
      const text = generateTemplate(bytes);
      fs.writeFileSync(file, text);
      return { label, path: file, text };
    });
    const small = generateList(path.join(workspace, 'list-100k.csv'), 100_000);
    const large = generateList(path.join(workspace, 'list-1m.csv'), 1_000_000);
    const byLabel = (label: string) => templates.find((template) => template.label === label)!;

    const sections: BenchSection[] = [];
    const check = await benchTemplateCheck(templates, workspace);
    sections.push(check.section);
    sections.push(await benchKeystroke(byLabel('100 KB'), workspace, check.check100kMs));
    sections.push(await benchPreview([byLabel('20 KB'), byLabel('100 KB')], workspace));
    sections.push(await benchList(small, large));

    const targets = sections.flatMap((section) => section.targets);
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    const lines = [
      '# Benchmarks',
      '',
      `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} in ${minutes} minutes.`,
      `Machine: ${machineLine()}; load average ${loadBefore.toFixed(2)} at the start and ${os.loadavg()[0].toFixed(2)} at the end.`,
      '',
      'Every figure is a median, and every comparison was measured in the same run, with the contenders taking turns round by round;',
      'in-process runs each follow a garbage collection and one untimed run of the same contender, so none pays for another\'s garbage.',
      'Absolute times drift on a shared machine; the ratios are what carry over. The inputs are generated at run time:',
      'MJML templates for a made-up clinic (appointment reminders, promotions, health tips, a footer with the unsubscribe link and address) and CSV lists of made-up people with every list reason represented.',
      '',
      '## Targets',
      '',
      table(['Target', 'Measured', 'Status'], targets.map(targetRow)),
      '',
    ];
    for (const section of sections) lines.push(`## ${section.title}`, '', section.markdown, '');
    fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), lines.join('\n'));

    process.stdout.write(`\n${table(['Target', 'Measured', 'Status'], targets.map(targetRow))}\n\nWrote docs/benchmarks.md (${minutes} minutes)\n`);
    if (targets.some((target) => !target.met)) process.exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
