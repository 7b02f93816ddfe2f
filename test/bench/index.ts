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
    lines.push('## What limits the missed targets', '', LIMITS, '');
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

/**
 * Why the missed targets are missed, from CPU profiles of the 100 KB check and the
 * 1,000,000-row list (node --cpu-prof). Kept here so the page says it after every run.
 */
const LIMITS = [
  '- **Template check vs parse (3x) and vs MJML strict (10x).** No single function dominates the profile of the 100 KB check.',
  '  Building the model is about a third: htmlparser2 itself, then style computation (mj-attributes resolution, class rules) and whitespace collapsing.',
  '  The transactional/marketing classifier tokenizes every block, and the PHI detectors scan all visible text for about twenty identifier patterns; together with the rules that is the other two thirds, with garbage collection at about a tenth.',
  '  MJML\'s validator checks tag nesting and attribute names only, so it reads far less than a check that computes visibility and contrast and scans for PHI; the ratio against it is the price of those checks.',
  '  Quadratic spots found by profiling were fixed (merge tags per text run, classifier tag scanning, unsubscribe offers computed three times); reaching 3x would need one shared pass over the text for all detectors.',
  '- **List verification vs csv-parse (2x).** Presend parses with `ltrim` and `relax_quotes` so exports such as `a, "b"` and stray quotes read as spreadsheets show them; those options alone cost csv-parse about a fifth more.',
  '  The rest is the per-row address check (syntax, domain tables, typo distance) and the duplicate table, whose random probes miss the CPU cache as the list grows, which is why the ratio is higher at 1,000,000 rows than at 100,000.',
].join('\n');
