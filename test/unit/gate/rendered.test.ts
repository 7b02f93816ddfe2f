import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GMAIL_CLIP_BYTES } from '../../../server/src/core/gate/index';
import { check, gate, marketingMjml, STREAMS, workspace } from './helpers';

// Filler paragraphs that make the compiled HTML large; plain ASCII, so characters are bytes.
function filler(bytes: number): string {
  const paragraph = '<mj-text>Tip of the month: a short walk after dinner helps. Stretch before and after, drink water, and rest well.</mj-text>\n';
  return paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

test('a template under the clipping limit passes and lists its merge tags', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ body: '<mj-text>Hello {{ first_name }}, see you {{ fair.date }}.</mj-text>' }) });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'pass');
    assert.match(rendered.message, /2 merge tags remain for the ESP to fill: first_name, fair\.date\./);
    assert.equal(rendered.fix, undefined);
  } finally {
    ws.dispose();
  }
});

test('over the Gmail clip with the unsubscribe link at the end fails', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ body: filler(GMAIL_CLIP_BYTES) }) });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'fail');
    assert.match(rendered.message, /over the 102 KB at which Gmail clips/);
    assert.match(rendered.message, /the unsubscribe link \(ends at byte \d+\) and the postal address \(ends at byte \d+\) fall behind the clip/);
  } finally {
    ws.dispose();
  }
});

test('over the Gmail clip with the footer near the top warns', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ body: filler(GMAIL_CLIP_BYTES), footerFirst: true }) });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'warn');
    assert.match(rendered.message, /over the 102 KB at which Gmail clips messages; the unsubscribe link and postal address come before the clip/);
  } finally {
    ws.dispose();
  }
});

test('an include MJML drops (an HTML partial without type="html") fails on the compiled opt-out', async () => {
  const template = [
    '<!-- presend',
    'category: marketing',
    '-->',
    '<mjml><mj-body><mj-section><mj-column><mj-text>Advertisement. Spring fair on April 18.</mj-text></mj-column></mj-section>',
    '<mj-include path="partials/footer.html" /></mj-body></mjml>',
  ].join('\n');
  const footer = '<p>Example Clinic, 12 Main Street, Springfield, OR 97000. <a href="https://www.example-clinic.test/unsubscribe">Unsubscribe</a></p>\n';
  const ws = workspace({ 'news.mjml': template, 'partials/footer.html': footer });
  try {
    const report = await gate(ws, 'news.mjml', { user: STREAMS });
    // The source model reads the partial, so the template's own check finds the footer.
    assert.doesNotMatch(check(report, 'template').message, /missing-unsubscribe|missing-postal-address/);
    const rendered = check(report, 'rendered-html');
    assert.equal(rendered.status, 'fail');
    assert.match(rendered.message, /After compiling, the opt-out rules report missing-postal-address, missing-unsubscribe/);
    assert.match(rendered.message, /MJML reported 2 problems/);
    assert.match(rendered.fix ?? '', /type="html"/);
  } finally {
    ws.dispose();
  }
});

test('the same include with type="html" keeps the footer', async () => {
  const template = [
    '<!-- presend',
    'category: marketing',
    '-->',
    '<mjml><mj-body><mj-section><mj-column><mj-text>Advertisement. Spring fair on April 18.</mj-text></mj-column></mj-section>',
    '<mj-include path="partials/footer.html" type="html" /></mj-body></mjml>',
  ].join('\n');
  const footer = '<p>Example Clinic, 12 Main Street, Springfield, OR 97000. <a href="https://www.example-clinic.test/unsubscribe">Unsubscribe</a></p>\n';
  const ws = workspace({ 'news.mjml': template, 'partials/footer.html': footer });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'pass', rendered.message);
  } finally {
    ws.dispose();
  }
});

test('a rule the source disables is not reported again from the compiled HTML', async () => {
  const template = [
    '<!-- presend',
    'category: marketing',
    '-->',
    '<!-- presend-disable-file missing-unsubscribe, missing-postal-address -- the ESP appends the footer -->',
    '<mjml><mj-body><mj-section><mj-column><mj-text>Advertisement. Spring fair on April 18.</mj-text></mj-column></mj-section>',
    '<mj-include path="partials/footer.html" /></mj-body></mjml>',
  ].join('\n');
  const ws = workspace({ 'news.mjml': template, 'partials/footer.html': '<p>Footer the ESP replaces.</p>\n' });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'warn');
    assert.doesNotMatch(rendered.message, /opt-out rules report/);
  } finally {
    ws.dispose();
  }
});

test('an unterminated merge tag and a tag in a disabled syntax warn', async () => {
  const ws = workspace({ 'news.mjml': marketingMjml({ body: '<mj-text>Hello {{ first_name, and *|FNAME|* too.</mj-text>' }) });
  try {
    const rendered = check(await gate(ws, 'news.mjml', { user: { ...STREAMS, mergeTags: { syntaxes: ['handlebars'] } } }), 'rendered-html');
    assert.equal(rendered.status, 'warn');
    assert.match(rendered.message, /1 merge tag in the compiled HTML is not closed .*first: "\{\{ first_name, and \*\|FNA…" on line \d+ of the output\)/);
    assert.match(rendered.message, /1 merge tag uses a syntax not enabled in mergeTags\.syntaxes .*: \*\|FNAME\|\*\./);
  } finally {
    ws.dispose();
  }
});

test('a compiled line over 998 octets warns with its line number', async () => {
  const long = `<a href="https://www.example-clinic.test/fair?ref=${'x'.repeat(1100)}">Register</a>`;
  const html = [
    '<!-- presend',
    'category: transactional',
    '-->',
    '<html><body>',
    `<p>Your appointment at Example Clinic is confirmed. ${long}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  const ws = workspace({ 'visit.html': html });
  try {
    const rendered = check(await gate(ws, 'visit.html', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'warn');
    assert.match(rendered.message, /^1 line of the compiled HTML exceeds 998 octets \(first: line 5, 1\d{3} octets\)/);
  } finally {
    ws.dispose();
  }
});

test('an MJML validation problem warns with its line', async () => {
  const template = '<!-- presend\ncategory: transactional\n-->\n<mjml><mj-body>\n<mj-text>Your appointment at Example Clinic is confirmed.</mj-text>\n</mj-body></mjml>\n';
  const ws = workspace({ 'visit.mjml': template });
  try {
    const rendered = check(await gate(ws, 'visit.mjml', { user: STREAMS }), 'rendered-html');
    assert.equal(rendered.status, 'warn');
    assert.match(rendered.message, /^MJML reported 1 problem while compiling, which can drop content \(first, line 5, mj-text: mj-text cannot be used inside mj-body/);
  } finally {
    ws.dispose();
  }
});
