import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { main } from '../../../server/src/cli/main';
import { marketingMjml, STREAMS, workspace } from './helpers';

/** Usage mistakes on the gate's command line: each exits 2 with a message naming the value. */

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['gate', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

test('an --override repeated for one check is refused, naming the check', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml(), 'presend.config.json': JSON.stringify(STREAMS) });
  try {
    const result = await run(['news.mjml', '--override', 'list=a', '--override', 'list=b'], ws.root);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'presend gate: The check "list" is overridden twice (reasons "a" and "b"); give one override per check, with the reasons in one sentence.\n',
    );
  } finally {
    ws.dispose();
  }
});

test('a folder given as the template is named as a folder', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml() });
  try {
    mkdirSync(ws.file('dir.mjml'));
    const result = await run(['dir.mjml'], ws.root);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      `presend gate: template dir.mjml is a folder (${ws.file('dir.mjml')}); the gate checks one template, so give the path of an .mjml or .html file.\n`,
    );
  } finally {
    ws.dispose();
  }
});

test('a config with an invalid stream from is refused, not judged without streams', async () => {
  const visit = '<!-- presend\ncategory: transactional\n-->\n<html><body><p>Your appointment at Example Clinic is on Monday.</p></body></html>\n';
  const config = { streams: { transactional: { from: 'oops' }, marketing: { from: 'news@news.example-clinic.test', listUnsubscribe: 'one-click' } } };
  const ws = workspace({ 'visit.html': visit, 'presend.config.json': JSON.stringify(config) });
  try {
    const result = await run(['visit.html'], ws.root);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr.split('\n').at(-2),
      `presend gate: "streams" in ${ws.file('presend.config.json')} has the problems printed above, so the whole key was ignored and the gate cannot judge the sender. Fix those values and run the gate again.`,
    );
    assert.equal(existsSync(ws.file('.presend/audit.jsonl')), false);
  } finally {
    ws.dispose();
  }
});
