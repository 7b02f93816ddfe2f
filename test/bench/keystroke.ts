import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { TestLspClient } from '../support/lsp-client';
import { ms, ratio, table, type BenchSection } from './report';
import { median } from './timing';
import type { TemplateInput } from './template-check';

/**
 * Measurement 2: keystroke to diagnostics through the real language server over stdio. The
 * 100 KB template is opened, then edited one character at a time (an incremental change, as
 * VS Code sends it), and each edit is timed from sending `didChange` to the arrival of
 * `publishDiagnostics` for that version. The expected time is the in-process check plus the
 * server's debounce.
 */

const WARMUP = 2;
const RUNS = 9;

export async function benchKeystroke(template: TemplateInput, workspace: string, checkMs: number): Promise<BenchSection> {
  const debounceMs = DEFAULT_SETTINGS.debounceMs;
  const client = new TestLspClient();
  client.settings = { debounceMs };
  const uri = pathToFileURL(template.path).href;
  const samples: number[] = [];

  try {
    await client.initialize(workspace);
    await client.open(uri, 'mjml', template.text, 1);
    await client.waitForDiagnostics(uri, (published) => published.version === 1, 60_000);

    // Type an "x" into a text block in the middle of the template, then delete it, and so on.
    const offset = template.text.indexOf('Tip of the month', template.text.length / 2);
    const position = positionAt(template.text, offset);
    for (let version = 2; version < 2 + WARMUP + RUNS; version++) {
      const typing = version % 2 === 0;
      const range = typing ? { start: position, end: position } : { start: position, end: { ...position, character: position.character + 1 } };
      const started = performance.now();
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: typing ? 'x' : '' }],
      });
      await client.waitForDiagnostics(uri, (published) => published.version === version, 60_000);
      if (version >= 2 + WARMUP) samples.push(performance.now() - started);
    }
  } finally {
    await client.shutdown();
  }

  const measured = median(samples);
  const expected = checkMs + debounceMs;
  process.stdout.write(`  keystroke: ${ms(measured)} to diagnostics; check ${ms(checkMs)} + debounce ${debounceMs} ms = ${ms(expected)}\n`);

  const markdown = [
    `\`node dist/server.js --stdio\`, driven by the JSON-RPC client of test/support/lsp-client.ts, with \`presend.debounceMs\` at its default of ${debounceMs} ms`,
    '(DEFAULT_SETTINGS in server/src/lsp/settings.ts, sent back in the configuration response).',
    `The 100 KB template is opened, then edited one character at a time with incremental changes; median of ${RUNS} edits after ${WARMUP} warm-up edits.`,
    'The in-process check time is the median from the template check above.',
    '',
    table(
      ['Keystroke to diagnostics', 'In-process check', 'Debounce', 'Check + debounce', 'Measured ÷ expected', 'Server overhead'],
      [[ms(measured), ms(checkMs), `${debounceMs} ms`, ms(expected), ratio(measured / expected), ms(measured - expected)]],
    ),
  ].join('\n');

  return {
    title: 'Keystroke to diagnostics',
    markdown,
    targets: [{ name: 'Keystroke to diagnostics within 2x of in-process check + debounce (100 KB)', measured: ratio(measured / expected), met: measured / expected <= 2 }],
  };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
