import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTemplate } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config/load';
import { htmlparser2, mjmlStrict, validateMjmlOnly } from './references';
import { kilobytes, ms, ratio, table, type BenchSection } from './report';
import { medianOf, timeRounds } from './timing';

/**
 * Measurement 1: a full check (parse and every rule) against htmlparser2's parse alone, the
 * floor any checker built on it stands on, and against MJML's strict validation, which the
 * official MJML extension runs on every keystroke.
 */

export interface TemplateInput {
  label: string;
  path: string;
  text: string;
}

export interface CheckFigures {
  section: BenchSection;
  /** Median of a full check of the 100 KB template, for the keystroke measurement. */
  check100kMs: number;
}

// Fewer rounds for bigger inputs keep the whole run within minutes on two cores.
/** The tokenizer options of server/src/core/model/markup.ts, for the second parse column. */
const PRESEND_PARSER_OPTIONS = { decodeEntities: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true };

const ROUNDS: Record<string, { warmup: number; runs: number }> = {
  '2 KB': { warmup: 2, runs: 21 },
  '20 KB': { warmup: 1, runs: 11 },
  '100 KB': { warmup: 1, runs: 7 },
  '1 MB': { warmup: 0, runs: 3 },
};

export async function benchTemplateCheck(templates: readonly TemplateInput[], workspace: string): Promise<CheckFigures> {
  const config = resolveConfig({}, workspace, true);
  const readFile = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  const rows: string[][] = [];
  let check100kMs = NaN;
  let ratios100k = { parse: NaN, strict: NaN };
  const notes: string[] = [];

  for (const template of templates) {
    const check = () => checkTemplate({ path: template.path, text: template.text, config, workspaceRoot: workspace, readFile });
    const findings = check().findings.length;
    const strictErrors = (await mjmlStrict(template.text)).errors;
    if (strictErrors > 0) notes.push(`MJML strict validation found ${strictErrors} error(s) in the ${template.label} template, so it stopped before rendering.`);

    const timings = await timeRounds(
      [
        { name: 'presend', run: check },
        { name: 'parse', run: () => htmlparser2.parseDocument(template.text) },
        { name: 'parse-xmlish', run: () => htmlparser2.parseDocument(template.text, PRESEND_PARSER_OPTIONS) },
        { name: 'validator', run: () => validateMjmlOnly(template.text) },
        { name: 'strict', run: () => mjmlStrict(template.text) },
      ],
      ROUNDS[template.label] ?? { warmup: 0, runs: 3 },
    );
    const presend = medianOf(timings, 'presend');
    const parse = medianOf(timings, 'parse');
    const parseXmlish = medianOf(timings, 'parse-xmlish');
    const validator = medianOf(timings, 'validator');
    const strict = medianOf(timings, 'strict');
    if (template.label === '100 KB') {
      check100kMs = presend;
      ratios100k = { parse: presend / parse, strict: strict / presend };
    }
    rows.push([
      `${template.label} (${kilobytes(Buffer.byteLength(template.text))}, ${findings} findings)`,
      ms(presend),
      ms(parse),
      ratio(presend / parse),
      ms(parseXmlish),
      ms(validator),
      ms(strict),
      ratio(strict / presend),
    ]);
    process.stdout.write(`  check ${template.label}: presend ${ms(presend)}, htmlparser2 ${ms(parse)}, mjml-validator ${ms(validator)}, mjml strict ${ms(strict)}\n`);
  }

  const markdown = [
    'Each template is checked with `checkTemplate` (server/src/core/check.ts: merge-tag masking, parse, model, category, every rule) under the default configuration.',
    'References, in the same rounds: `parseDocument` from htmlparser2 with its default options (the parse alone, the floor the targets use),',
    'and with the options Presend gives its tokenizer (`recognizeSelfClosing`, no entity decoding, lower-cased names);',
    "MJML's validator alone (mjml-parser-xml and mjml-validator, called as mjml-core calls them); and",
    "`mjml2html(text, { validationLevel: 'strict' })` with the thrown validation error caught, which is what the official MJML extension runs on every keystroke.",
    'The generated templates are valid MJML, so the strict call validates and then renders: that is the cost the extension pays per keystroke on a valid template.',
    '',
    table(['Template', 'Presend check', 'htmlparser2 parse', 'Presend ÷ parse', "htmlparser2, Presend's options", 'mjml-validator only', 'mjml strict', 'strict ÷ Presend'], rows),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');

  return {
    check100kMs,
    section: {
      title: 'Template check',
      markdown,
      targets: [
        { name: 'Full check of 100 KB within 3x of htmlparser2 parse', measured: ratio(ratios100k.parse), met: ratios100k.parse <= 3 },
        { name: 'Full check of 100 KB at least 10x faster than MJML strict validation', measured: `${ratio(ratios100k.strict)} faster`, met: ratios100k.strict >= 10 },
      ],
    },
  };
}

export function templatePath(folder: string, label: string): string {
  return path.join(folder, `newsletter-${label.replace(/\s+/g, '').toLowerCase()}.mjml`);
}
