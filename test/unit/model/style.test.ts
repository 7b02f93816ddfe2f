import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeColor, parseFontSize } from '../../../server/src/core/model/css-values';
import type { HiddenReason } from '../../../server/src/core/model/types';
import { mjmlBody, modelOf } from './helpers';

interface VisibilityCase {
  name: string;
  text: string;
  file: string;
  /** The text run `Target` must have this hidden reason. */
  hidden: HiddenReason | undefined;
}

const visibility: VisibilityCase[] = [
  { name: 'inline display:none', text: '<p style="display: none">Target</p>', file: 'a.html', hidden: 'display-none' },
  { name: 'inline visibility:hidden', text: '<p style="visibility:hidden">Target</p>', file: 'a.html', hidden: 'visibility-hidden' },
  { name: 'visibility restored by a child', text: '<div style="visibility:hidden"><p style="visibility:visible">Target</p></div>', file: 'a.html', hidden: undefined },
  { name: 'mso-hide', text: '<div style="mso-hide:all">Target</div>', file: 'a.html', hidden: 'mso-hide' },
  { name: 'max-height 0', text: '<div style="max-height:0px">Target</div>', file: 'a.html', hidden: 'zero-size' },
  { name: 'height 0 with overflow hidden', text: '<div style="height:0;overflow:hidden">Target</div>', file: 'a.html', hidden: 'zero-size' },
  { name: 'height 0 alone is visible overflow', text: '<div style="height:0">Target</div>', file: 'a.html', hidden: undefined },
  { name: 'font-size 0 with overflow hidden', text: '<div style="font-size:0;overflow:hidden">Target</div>', file: 'a.html', hidden: 'zero-size' },
  { name: 'opacity 0', text: '<span style="opacity:0">Target</span>', file: 'a.html', hidden: 'transparent' },
  { name: 'hidden attribute', text: '<div hidden>Target</div>', file: 'a.html', hidden: 'hidden-attribute' },
  { name: 'inherited from an ancestor', text: '<table style="display:none"><tr><td><b>Target</b></td></tr></table>', file: 'a.html', hidden: 'display-none' },
  { name: 'HTML <style> class rule', text: '<style>.pre { display: none; }</style><div class="x pre">Target</div>', file: 'a.html', hidden: 'display-none' },
  { name: 'HTML <style> descendant rule', text: '<style>.box span { visibility: hidden }</style><div class="box"><span>Target</span></div>', file: 'a.html', hidden: 'visibility-hidden' },
  { name: 'rules inside @media do not apply', text: '<style>@media (max-width: 480px) { .m { display: none } }</style><div class="m">Target</div>', file: 'a.html', hidden: undefined },
  { name: 'inline style overrides a rule', text: '<style>.a { display: none }</style><div class="a" style="display:block">Target</div>', file: 'a.html', hidden: undefined },
  { name: '!important rule overrides inline style', text: '<style>.a { display: none !important }</style><div class="a" style="display:block">Target</div>', file: 'a.html', hidden: 'display-none' },
  { name: 'mj-style class rule on css-class', text: mjmlBody('<mj-text css-class="gone">Target</mj-text>', '<mj-style>.gone { display: none }</mj-style>'), file: 'a.mjml', hidden: 'display-none' },
  { name: 'mj-class carrying css-class', text: mjmlBody('<mj-text mj-class="quiet">Target</mj-text>', '<mj-attributes><mj-class name="quiet" css-class="gone" /></mj-attributes><mj-style>.gone { mso-hide: all }</mj-style>'), file: 'a.mjml', hidden: 'mso-hide' },
  { name: 'mj-all css-class', text: mjmlBody('<mj-text>Target</mj-text>', '<mj-attributes><mj-all css-class="gone" /></mj-attributes><mj-style>.gone { display: none }</mj-style>'), file: 'a.mjml', hidden: 'display-none' },
  { name: 'inline style inside mj-text', text: mjmlBody('<mj-text><p style="display:none">Target</p></mj-text>'), file: 'a.mjml', hidden: 'display-none' },
];

for (const expected of visibility) {
  test(`visibility: ${expected.name}`, () => {
    const model = modelOf(expected.text, expected.file);
    const run = model.textRuns.find((candidate) => candidate.text === 'Target');
    assert.ok(run, 'no Target run');
    assert.equal(run.hidden, expected.hidden);
  });
}

interface StyleCase {
  name: string;
  text: string;
  file: string;
  color: string | undefined;
  backgroundColor: string | undefined;
  fontSizePx: number | undefined;
}

const styles: StyleCase[] = [
  { name: 'mj-text defaults on an mj-section background', text: mjmlBody('<mj-text>Target</mj-text>').replace('<mj-section>', '<mj-section background-color="#FAFAFA">'), file: 'a.mjml', color: '#000000', backgroundColor: '#fafafa', fontSizePx: 13 },
  { name: 'mj-button defaults', text: mjmlBody('<mj-button href="#">Target</mj-button>'), file: 'a.mjml', color: '#ffffff', backgroundColor: '#414141', fontSizePx: 13 },
  { name: 'mj-attributes per tag, then mj-class, then own attribute', text: mjmlBody('<mj-text mj-class="c" font-size="20px">Target</mj-text>', '<mj-attributes><mj-all color="red"/><mj-text color="#999" font-size="15px"/><mj-class name="c" color="rgb(0, 128, 0)"/></mj-attributes>'), file: 'a.mjml', color: '#008000', backgroundColor: undefined, fontSizePx: 20 },
  { name: 'container-background-color under mj-text', text: mjmlBody('<mj-text container-background-color="#123">Target</mj-text>'), file: 'a.mjml', color: '#000000', backgroundColor: '#112233', fontSizePx: 13 },
  { name: 'a class colour rule reaches mj-text only with !important', text: mjmlBody('<mj-text css-class="c">Target</mj-text>', '<mj-style>.c { color: #ff0000 }</mj-style>'), file: 'a.mjml', color: '#000000', backgroundColor: undefined, fontSizePx: 13 },
  { name: 'HTML bgcolor and font', text: '<table bgcolor="white"><tr><td><font color="GRAY" size="2">Target</font></td></tr></table>', file: 'a.html', color: '#808080', backgroundColor: '#ffffff', fontSizePx: 13 },
  { name: 'inline em size and background shorthand', text: '<div style="font-size:20px;background:#000 url(x.png) no-repeat"><span style="font-size:0.5em;color:rgba(255,255,255,1)">Target</span></div>', file: 'a.html', color: '#ffffff', backgroundColor: '#000000', fontSizePx: 10 },
  { name: 'pt sizes and tag.class rules', text: '<style>p.note { font-size: 9pt; color: silver }</style><p class="note">Target</p>', file: 'a.html', color: '#c0c0c0', backgroundColor: undefined, fontSizePx: 12 },
];

for (const expected of styles) {
  test(`computed style: ${expected.name}`, () => {
    const model = modelOf(expected.text, expected.file);
    const run = model.textRuns.find((candidate) => candidate.text === 'Target');
    assert.ok(run, 'no Target run');
    assert.deepEqual([run.style.color, run.style.backgroundColor, run.style.fontSizePx], [expected.color, expected.backgroundColor, expected.fontSizePx]);
  });
}

test('colours normalise to #rrggbb', () => {
  const table: Array<[string, string | undefined]> = [
    ['#ABC', '#aabbcc'],
    ['#AbCdEf', '#abcdef'],
    ['rgb(255, 0, 10)', '#ff000a'],
    ['rgb(100% 0% 0%)', '#ff0000'],
    ['rgba(0,0,0,0)', 'transparent'],
    ['#00000000', 'transparent'],
    ['LightGrey', '#d3d3d3'],
    ['inherit', undefined],
    ['hsl(0, 0%, 50%)', 'hsl(0, 0%, 50%)'],
  ];
  for (const [input, expected] of table) {
    assert.equal(normalizeColor(input), expected, input);
  }
});

test('font sizes convert to CSS pixels', () => {
  const table: Array<[string, number, number | undefined]> = [
    ['14px', 16, 14],
    ['12pt', 16, 16],
    ['1.5em', 10, 15],
    ['2rem', 10, 32],
    ['50%', 30, 15],
    ['small', 16, 13],
    ['large-ish', 16, undefined],
  ];
  for (const [input, parent, expected] of table) {
    assert.equal(parseFontSize(input, parent), expected, input);
  }
});

test('an HTML comment inside mj-style is reported; the old <style><!-- wrapper is not', () => {
  const mjml = modelOf(mjmlBody('<mj-text>x</mj-text>', '<mj-style>.a { color: red; }\n<!-- injected here--></mj-style>'));
  assert.deepEqual(mjml.problems.map((problem) => [problem.kind, problem.code]), [['parse', 'comment-in-style']]);

  const wrapped = modelOf('<style><!--\n.a { color: red }\n--></style><p>x</p>', 'a.html');
  assert.deepEqual(wrapped.problems, []);

  const late = modelOf('<style>.a { color: red }\n<!-- note --></style><p>x</p>', 'a.html');
  assert.deepEqual(late.problems.map((problem) => problem.code), ['comment-in-style']);
});
