import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../../server/src/cli/main';
import { marketingMjml, STREAMS, workspace } from './helpers';

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['gate', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const PASSING = { ...STREAMS };
const FAILING = { streams: { ...STREAMS.streams, marketing: { from: 'news@news.example-clinic.test' } } };

function files(config: object) {
  return { 'news.mjml': marketingMjml(), 'presend.config.json': JSON.stringify(config) };
}

test('exit 0 when nothing fails, with a text checklist', async () => {
  const ws = workspace(files(PASSING));
  try {
    const result = await run(['news.mjml'], ws.root);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^Pre-send gate for news\.mjml \(marketing, from news@news\.example-clinic\.test\)/);
    assert.match(result.stdout, /\n✔ One-click unsubscribe header \[list-unsubscribe\]: pass\n/);
    assert.match(result.stdout, /\n– SPF record \[spf\]: skipped\n {4}DNS checks are off.*\n {4}fix: Run with --dns/);
    assert.match(result.stdout, /Recorded in \.presend\/audit\.jsonl \(record [0-9a-f]{12}\)\.\nPassed: the template may be sent\.\n$/);
  } finally {
    ws.dispose();
  }
});

test('exit 1 when a check fails; JSON lists every check', async () => {
  const ws = workspace(files(FAILING));
  try {
    const result = await run(['news.mjml', '--format', 'json'], ws.root);
    assert.equal(result.code, 1);
    const json = JSON.parse(result.stdout);
    assert.equal(json.passed, false);
    assert.deepEqual(
      json.checks.map((c: { id: string; status: string }) => [c.id, c.status]),
      [
        ['template', 'pass'],
        ['rendered-html', 'pass'],
        ['list', 'warn'],
        ['spf', 'skipped'],
        ['dkim', 'skipped'],
        ['dmarc', 'skipped'],
        ['stream-separation', 'pass'],
        ['list-unsubscribe', 'fail'],
      ],
    );
    for (const item of json.checks) assert.equal(typeof item.message, 'string');
  } finally {
    ws.dispose();
  }
});

test('an override with a reason turns the failure into a pass', async () => {
  const ws = workspace(files(FAILING));
  try {
    const result = await run(['news.mjml', '--override', 'list-unsubscribe=ESP adds the headers; config ticket 7', '--format', 'json'], ws.root);
    assert.equal(result.code, 0);
    const header = JSON.parse(result.stdout).checks.find((c: { id: string }) => c.id === 'list-unsubscribe');
    assert.equal(header.status, 'overridden');
    assert.equal(header.overrideReason, 'ESP adds the headers; config ticket 7');
  } finally {
    ws.dispose();
  }
});

test('bad usage exits 2 naming the value', async () => {
  const ws = workspace(files(FAILING));
  try {
    const cases: [string[], RegExp][] = [
      [['news.mjml', '--override', 'list-unsubscribe='], /the override of "list-unsubscribe" has no reason/i],
      [['news.mjml', '--override', 'list-unsubscribe'], /--override "list-unsubscribe" names no check; write --override CHECK=REASON/],
      [['news.mjml', '--override', 'dkm=typo'], /Unknown check "dkm"/],
      [['news.mjml', '--format', 'xml'], /unknown format "xml"; use one of text, json/],
      [['news.mjml', '--dns', '--no-dns'], /--dns and --no-dns contradict/],
      [['news.mjml', '--dns-server', 'not a server'], /Invalid DNS server "not a server"/],
      [['missing.mjml'], /template missing\.mjml was not found/],
      [[], /name the template to check/],
      [['news.mjml', '--config', 'nope.json'], /nope\.json" was not found/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv, ws.root);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message, argv.join(' '));
      assert.equal(result.stdout, '', argv.join(' '));
    }
  } finally {
    ws.dispose();
  }
});
