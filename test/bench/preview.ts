import * as fs from 'node:fs';
import { Engine } from 'mrml';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import { SourceFile } from '../../server/src/core/model/source';
import { renderTemplate } from '../../server/src/core/render/render';
import { htmlparser2, mjml2html } from './references';
import { kilobytes, ms, ratio, table, type BenchSection } from './report';
import { median, medianOf, timeRounds } from './timing';
import type { TemplateInput } from './template-check';

/**
 * Measurement 3: the preview. Presend's `renderTemplate` (finding markers, the mjml 5 compile,
 * merge-tag filling, the plain-text part) against the raw mjml 5 compile and against mrml, the
 * Rust MJML renderer built to WebAssembly. renderTemplate reports its own split between the
 * compiler and Presend's work, which is what decides whether a faster renderer would pay.
 */

const ROUNDS = { warmup: 1, runs: 7 };

export async function benchPreview(templates: readonly TemplateInput[], workspace: string): Promise<BenchSection> {
  const config = resolveConfig({}, workspace, true);
  const engine = new Engine();
  const timingRows: string[][] = [];
  const outputRows: string[][] = [];
  let worstShare = 0;

  for (const template of templates) {
    const findings = checkTemplate({ path: template.path, text: template.text, config, workspaceRoot: workspace, readFile: readIfExists }).findings;
    const file = new SourceFile(template.path, template.text);
    const splits: { compileMs: number; presendMs: number }[] = [];
    const render = async () => {
      const output = await renderTemplate({ file, language: 'mjml', workspaceRoot: workspace, trusted: true, maskPhi: false, findings });
      splits.push(output.timings);
      return output;
    };
    const mjmlOptions = { validationLevel: 'soft', keepComments: true };

    const timings = await timeRounds(
      [
        { name: 'presend', run: render },
        { name: 'mjml', run: () => mjml2html(template.text, mjmlOptions) },
        { name: 'mrml', run: () => engine.toHtml(template.text) },
      ],
      ROUNDS,
    );
    const presend = medianOf(timings, 'presend');
    const mjml = medianOf(timings, 'mjml');
    const mrml = medianOf(timings, 'mrml');
    // The last rounds' runs, timed and untimed alike: all ran warm.
    const timed = splits.slice(-ROUNDS.runs);
    const compileMs = median(timed.map((split) => split.compileMs));
    const ownMs = median(timed.map((split) => split.presendMs));
    worstShare = Math.max(worstShare, ownMs / (ownMs + compileMs));
    timingRows.push([template.label, ms(presend), ms(compileMs), ms(ownMs), `${((ownMs / (ownMs + compileMs)) * 100).toFixed(0)}%`, ms(mjml), ms(mrml), ratio(mjml / mrml)]);
    process.stdout.write(`  preview ${template.label}: renderTemplate ${ms(presend)} (compile ${ms(compileMs)}, Presend ${ms(ownMs)}), mjml ${ms(mjml)}, mrml ${ms(mrml)}\n`);

    const fromMjml = (await mjml2html(template.text, mjmlOptions)).html;
    const fromMrml = engine.toHtml(template.text);
    if (fromMrml.type !== 'success') {
      outputRows.push([template.label, kilobytes(fromMjml.length), `mrml failed: ${fromMrml.message}`, '', '', '']);
      continue;
    }
    const a = shapeOf(fromMjml);
    const b = shapeOf(fromMrml.content);
    outputRows.push([
      template.label,
      `${kilobytes(Buffer.byteLength(fromMjml))} / ${kilobytes(Buffer.byteLength(fromMrml.content))}`,
      `${a.elements} / ${b.elements}`,
      `${a.tags.get('table') ?? 0} / ${b.tags.get('table') ?? 0}`,
      `${a.msoComments} / ${b.msoComments}`,
      tagDifferences(a.tags, b.tags),
    ]);
  }

  const markdown = [
    "`renderTemplate` (server/src/core/render/render.ts) runs in the language server, so the editor never waits for it; the preview panel shows the result when it arrives.",
    "Its figures split into the mjml 5 compile (`timings.compileMs`) and Presend's own work (`timings.presendMs`: finding markers, merge-tag filling, the plain-text part).",
    "Raw mjml is `mjml2html(text, { validationLevel: 'soft', keepComments: true })`, the options renderTemplate passes; mrml is `new Engine().toHtml(text)` from the `mrml` package (WebAssembly).",
    `Medians of ${ROUNDS.runs} runs after ${ROUNDS.warmup} warm-up round.`,
    '',
    table(['Template', 'renderTemplate', 'of which mjml compile', "of which Presend's work", 'Presend share', 'mjml 5 alone', 'mrml', 'mjml ÷ mrml'], timingRows),
    '',
    'How the two renderers\' HTML differs (mjml / mrml):',
    '',
    table(['Template', 'Output size', 'Elements', 'Tables', 'MSO conditional comments', 'Element counts that differ'], outputRows),
  ].join('\n');

  return {
    title: 'Preview render',
    markdown,
    targets: [
      {
        name: "Preview update dominated by the renderer, not Presend's own work",
        measured: `Presend's share at most ${(worstShare * 100).toFixed(0)}%`,
        met: worstShare < 0.5,
      },
    ],
  };
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

interface Shape {
  elements: number;
  tags: Map<string, number>;
  msoComments: number;
}

function shapeOf(html: string): Shape {
  const tags = new Map<string, number>();
  let elements = 0;
  let msoComments = 0;
  const parser = new htmlparser2.Parser({
    onopentag(name) {
      elements++;
      tags.set(name, (tags.get(name) ?? 0) + 1);
    },
    oncomment(data) {
      if (/^\[if [^\]]*mso/.test(data)) msoComments++;
    },
  });
  parser.end(html);
  return { elements, tags, msoComments };
}

/** Tags whose counts differ, as `td 410 / 388`, most different first, at most six. */
function tagDifferences(a: Map<string, number>, b: Map<string, number>): string {
  const names = new Set([...a.keys(), ...b.keys()]);
  const differences = [...names]
    .map((name) => ({ name, a: a.get(name) ?? 0, b: b.get(name) ?? 0 }))
    .filter((entry) => entry.a !== entry.b)
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b));
  if (differences.length === 0) return 'none';
  return differences
    .slice(0, 6)
    .map((entry) => `${entry.name} ${entry.a} / ${entry.b}`)
    .join(', ');
}
