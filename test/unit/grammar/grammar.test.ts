import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { injectedInto, loadGrammar, repoRoot, tokenize, type Token } from './textmate';

// Each case tokenizes a short source and picks one token by its exact text (occurrence `nth`,
// counting from 0). Every scope in `has` must be on the token's stack, and the last one must be
// its innermost scope. No scope on the stack may equal an entry of `lacks` or extend it.
interface Case {
  name: string;
  source: string;
  token: string;
  nth?: number;
  has: string[];
  lacks?: string[];
}

const mjmlCases: Case[] = [
  {
    name: 'mj component name in a start tag',
    source: '<mj-section padding="0">',
    token: 'mj-section',
    has: ['meta.tag.start.mjml', 'entity.name.tag.mjml'],
  },
  {
    name: 'mj component name in an end tag',
    source: '</mj-column>',
    token: 'mj-column',
    has: ['meta.tag.end.mjml', 'entity.name.tag.mjml'],
  },
  {
    name: 'root mjml tag',
    source: '<mjml lang="en">',
    token: 'mjml',
    has: ['entity.name.tag.mjml'],
  },
  {
    name: 'self-closing tag end',
    source: '<mj-image src="a.png" />',
    token: '/>',
    has: ['meta.tag.start.mjml', 'punctuation.definition.tag.end.mjml'],
  },
  {
    name: 'HTML tag outside an ending tag',
    source: '<mj-column><br></mj-column>',
    token: 'br',
    has: ['entity.name.tag.html.mjml'],
  },
  {
    name: 'attribute name',
    source: '<mj-button background-color="#0f766e">',
    token: 'background-color',
    has: ['meta.tag.start.mjml', 'entity.other.attribute-name.mjml'],
  },
  {
    name: 'attribute equals sign',
    source: '<mj-button background-color="#0f766e">',
    token: '=',
    has: ['punctuation.separator.key-value.mjml'],
  },
  {
    name: 'double-quoted attribute value',
    source: '<mj-button background-color="#0f766e">',
    token: '#0f766e',
    has: ['meta.tag.start.mjml', 'string.quoted.double.mjml'],
  },
  {
    name: 'opening quote of a value',
    source: '<mj-button background-color="#0f766e">',
    token: '"',
    has: ['string.quoted.double.mjml', 'punctuation.definition.string.begin.mjml'],
  },
  {
    name: 'single-quoted attribute value',
    source: "<mj-class name='muted' />",
    token: 'muted',
    has: ['string.quoted.single.mjml'],
  },
  {
    name: 'unquoted attribute value',
    source: '<mj-body width=600>',
    token: '600',
    has: ['string.unquoted.mjml'],
    lacks: ['entity.other.attribute-name'],
  },
  {
    name: 'attribute spread over lines',
    source: '<mj-section\n  css-class="hero"\n>',
    token: 'hero',
    has: ['meta.tag.start.mjml', 'string.quoted.double.mjml'],
  },
  {
    name: 'comment body',
    source: '<!-- layout note -->',
    token: ' layout note ',
    has: ['comment.block.html'],
  },
  {
    name: 'comment start',
    source: '<!-- layout note -->',
    token: '<!--',
    has: ['comment.block.html', 'punctuation.definition.comment.begin.html'],
  },
  {
    name: 'comment spanning lines',
    source: '<!--\n<mj-text>off</mj-text>\n-->',
    token: '<mj-text>off</mj-text>',
    has: ['comment.block.html'],
  },
  {
    name: 'conditional comment keyword',
    source: '<mj-raw><!--[if mso | IE]><table><![endif]--></mj-raw>',
    token: 'if',
    has: ['comment.block.conditional.begin.mjml', 'keyword.control.conditional.mjml'],
  },
  {
    name: 'markup between conditional comments is markup',
    source: '<mj-raw><!--[if mso | IE]><table><![endif]--></mj-raw>',
    token: 'table',
    has: ['meta.embedded.block.html', 'entity.name.tag.html'],
    lacks: ['comment'],
  },
  {
    name: 'conditional comment end',
    source: '<!--[if !mso]><!-->\n<mj-text>x</mj-text>\n<!--<![endif]-->',
    token: 'endif',
    has: ['comment.block.conditional.end.mjml', 'keyword.control.conditional.mjml'],
  },
  {
    name: 'CSS selector in mj-style',
    source: '<mj-style>\n.footer a { color: #6b7280; }\n</mj-style>',
    token: '.footer',
    has: ['meta.embedded.block.css', 'source.css', 'entity.other.attribute-name.class.css'],
  },
  {
    name: 'CSS property in mj-style',
    source: '<mj-style inline="inline">.footer a { color: #6b7280; }</mj-style>',
    token: 'color',
    has: ['source.css', 'support.type.property-name.css'],
  },
  {
    name: 'mj-style end tag leaves CSS',
    source: '<mj-style>\n.a { color: red; }\n</mj-style>',
    token: 'mj-style',
    nth: 1,
    has: ['meta.tag.end.mjml', 'entity.name.tag.mjml'],
    lacks: ['source.css'],
  },
  {
    name: 'CSS in a style attribute',
    source: '<mj-column style="padding: 0">',
    token: 'padding',
    has: ['meta.embedded.line.css', 'source.css', 'support.type.property-name.css'],
  },
  {
    name: 'HTML tag inside mj-text',
    source: '<mj-text>\n<p>Hello <strong>there</strong></p>\n</mj-text>',
    token: 'strong',
    has: ['meta.embedded.block.html', 'text.html.basic', 'entity.name.tag.html'],
  },
  {
    name: 'HTML attribute inside mj-button',
    source: '<mj-button><span class="label">Book</span></mj-button>',
    token: 'class',
    has: ['meta.embedded.block.html', 'entity.other.attribute-name.html'],
  },
  {
    name: 'text of a self-closed ending tag is MJML again',
    source: '<mj-social-element name="x" /><mj-divider />',
    token: 'mj-divider',
    has: ['meta.tag.start.mjml', 'entity.name.tag.mjml'],
    lacks: ['meta.embedded.block.html'],
  },
  {
    name: 'HTML inside mj-table',
    source: '<mj-table><tr><td>Clinic</td></tr></mj-table>',
    token: 'td',
    has: ['meta.embedded.block.html', 'entity.name.tag.html'],
  },
  {
    name: 'mj-text end tag closes the HTML region',
    source: '<mj-text><p>x</p></mj-text><mj-spacer />',
    token: 'mj-spacer',
    has: ['entity.name.tag.mjml'],
    lacks: ['meta.embedded.block.html'],
  },
  {
    name: 'an end tag broken over lines closes the HTML region',
    source: '<mj-text>\n  Hello</mj-text\n>\n<mj-spacer />',
    token: 'mj-spacer',
    has: ['meta.tag.start.mjml', 'entity.name.tag.mjml'],
    lacks: ['meta.embedded.block.html'],
  },
  {
    name: 'entity in text',
    source: '<mj-preview>Tuesday &amp; Wednesday</mj-preview>',
    token: 'amp',
    has: ['constant.character.entity.mjml'],
  },
  {
    name: 'entity in an attribute value',
    source: '<mj-image alt="Tom &amp; Jerry" />',
    token: '&',
    has: ['string.quoted.double.mjml', 'constant.character.entity.mjml', 'punctuation.definition.entity.mjml'],
  },
  {
    name: 'ERB output is not a tag',
    source: '<mj-column><%= patient.name %></mj-column>',
    token: '<%=',
    has: ['meta.embedded.merge-tag.erb', 'punctuation.definition.merge-tag.begin.erb'],
    lacks: ['meta.tag', 'entity.name.tag'],
  },
  {
    name: 'ERB expression inside mj-text is not an HTML tag',
    source: '<mj-text>Hi <%= patient.name %></mj-text>',
    token: 'patient.name',
    has: ['meta.embedded.block.html', 'meta.embedded.merge-tag.erb', 'variable.other.merge-field.erb'],
    lacks: ['meta.tag'],
  },
];

const mergeTagCases: Case[] = [
  {
    name: 'Handlebars field in MJML text',
    source: '<mj-title>Hi {{first_name}}</mj-title>',
    token: 'first_name',
    has: ['meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'Handlebars braces',
    source: '<mj-title>Hi {{first_name}}</mj-title>',
    token: '{{',
    has: ['meta.embedded.merge-tag.handlebars', 'punctuation.definition.merge-tag.begin.handlebars'],
  },
  {
    name: 'Handlebars field inside an mj-text paragraph',
    source: '<mj-text>\n  <p>Hi {{patient.first_name}},</p>\n</mj-text>',
    token: 'patient.first_name',
    has: ['meta.embedded.block.html', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'Handlebars field in an attribute value',
    source: '<mj-button href="{{portal_url}}">Open</mj-button>',
    token: 'portal_url',
    has: ['meta.tag.start.mjml', 'string.quoted.double.mjml', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'Handlebars field in an HTML attribute inside mj-text',
    source: '<mj-text><a href="{{portal_url}}">Open</a></mj-text>',
    token: 'portal_url',
    has: ['string.quoted.double.html', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'Handlebars triple braces',
    source: '<mj-text>{{{summary_html}}}</mj-text>',
    token: '{{{',
    has: ['meta.embedded.merge-tag.handlebars', 'punctuation.definition.merge-tag.begin.handlebars'],
  },
  {
    name: 'Handlebars block open',
    source: '<mj-text>{{#if portal_enabled}}yes{{/if}}</mj-text>',
    token: 'if',
    has: ['meta.embedded.merge-tag.handlebars', 'keyword.control.merge-tag.handlebars'],
  },
  {
    name: 'Handlebars block close',
    source: '<mj-text>{{#if portal_enabled}}yes{{/if}}</mj-text>',
    token: 'if',
    nth: 1,
    has: ['meta.embedded.merge-tag.handlebars', 'keyword.control.merge-tag.handlebars'],
  },
  {
    name: 'Handlebars else',
    source: '<mj-text>{{#if a}}x{{else}}y{{/if}}</mj-text>',
    token: 'else',
    has: ['keyword.control.merge-tag.handlebars'],
  },
  {
    name: 'Handlebars block parameters are not a Liquid filter',
    source: '<mj-text>{{#each items as |item|}}{{item}}{{/each}}</mj-text>',
    token: 'item',
    has: ['meta.embedded.merge-tag.handlebars', 'variable.parameter.handlebars'],
    lacks: ['meta.embedded.merge-tag.liquid'],
  },
  {
    name: 'Handlebars helper with arguments',
    source: '<mj-text>{{formatDate visit_date "MMM D"}}</mj-text>',
    token: 'formatDate',
    has: ['support.function.helper.handlebars'],
  },
  {
    name: 'Liquid output field',
    source: '<mj-text>Dear {{ patient.first_name | capitalize }}</mj-text>',
    token: 'patient.first_name',
    has: ['meta.embedded.merge-tag.liquid', 'variable.other.merge-field.liquid'],
  },
  {
    name: 'Liquid filter',
    source: '<mj-text>Dear {{ patient.first_name | capitalize }}</mj-text>',
    token: 'capitalize',
    has: ['meta.embedded.merge-tag.liquid', 'support.function.filter.liquid'],
  },
  {
    name: 'Liquid tag keyword',
    source: '<mj-text>{% if visit.telehealth %}Join online.{% endif %}</mj-text>',
    token: 'if',
    has: ['meta.embedded.merge-tag.liquid', 'keyword.control.merge-tag.liquid'],
  },
  {
    name: 'Liquid tag in an attribute value',
    source: '<mj-image src="{% if dark %}dark.png{% endif %}" />',
    token: 'endif',
    has: ['string.quoted.double.mjml', 'meta.embedded.merge-tag.liquid', 'keyword.control.merge-tag.liquid'],
  },
  {
    name: 'Mailchimp field in text',
    source: '<mj-text>Hello *|FNAME|*</mj-text>',
    token: 'FNAME',
    has: ['meta.embedded.merge-tag.mailchimp', 'variable.other.merge-field.mailchimp'],
  },
  {
    name: 'Mailchimp conditional',
    source: '<mj-text>*|IF:REWARDS|*points*|END:IF|*</mj-text>',
    token: 'END',
    has: ['meta.embedded.merge-tag.mailchimp', 'keyword.control.merge-tag.mailchimp'],
  },
  {
    name: 'Mailchimp field in an attribute value',
    source: '<mj-button href="*|UNSUB|*">Unsubscribe</mj-button>',
    token: 'UNSUB',
    has: ['string.quoted.double.mjml', 'meta.embedded.merge-tag.mailchimp', 'variable.other.merge-field.mailchimp'],
  },
  {
    name: 'Salesforce personalization string in text',
    source: '<mj-text>Hello %%FirstName%%</mj-text>',
    token: 'FirstName',
    has: ['meta.embedded.merge-tag.salesforce', 'variable.other.merge-field.salesforce'],
  },
  {
    name: 'Salesforce personalization string in an attribute value',
    source: '<mj-image alt="%%ClinicName%%" />',
    token: '%%',
    has: ['string.quoted.double.mjml', 'meta.embedded.merge-tag.salesforce', 'punctuation.definition.merge-tag.begin.salesforce'],
  },
  {
    name: 'Salesforce AMPscript function',
    source: '<mj-text>%%=ProperCase(@name)=%%</mj-text>',
    token: 'ProperCase',
    has: ['meta.embedded.merge-tag.salesforce', 'support.function.salesforce'],
  },
  {
    name: 'Mailgun recipient variable in text',
    source: '<mj-text>Hello %recipient.first_name%</mj-text>',
    token: 'recipient.first_name',
    has: ['meta.embedded.merge-tag.mailgun', 'variable.other.merge-field.mailgun'],
  },
  {
    name: 'Mailgun unsubscribe URL in an attribute value',
    source: '<mj-button href="%unsubscribe_url%">Unsubscribe</mj-button>',
    token: 'unsubscribe_url',
    has: ['string.quoted.double.mjml', 'meta.embedded.merge-tag.mailgun', 'variable.other.merge-field.mailgun'],
  },
  {
    name: 'a percentage is not a Mailgun variable',
    source: '<mj-text>width 100% of 50%</mj-text>',
    token: 'width 100% of 50%',
    has: ['meta.embedded.block.html', 'text.html.basic'],
    lacks: ['meta.embedded.merge-tag'],
  },
  {
    name: 'ERB output in text',
    source: '<mj-text>Hello <%= patient.name %></mj-text>',
    token: '%>',
    has: ['meta.embedded.merge-tag.erb', 'punctuation.definition.merge-tag.end.erb'],
  },
  {
    name: 'ERB control keyword',
    source: '<mj-text><% if reminders.any? %>see below<% end %></mj-text>',
    token: 'end',
    has: ['meta.embedded.merge-tag.erb', 'keyword.control.merge-tag.erb'],
  },
  {
    name: 'EJS output in an attribute value',
    source: '<mj-button href="<%= portalUrl %>">Open</mj-button>',
    token: 'portalUrl',
    has: ['string.quoted.double.mjml', 'meta.embedded.merge-tag.erb', 'variable.other.merge-field.erb'],
  },
  {
    name: 'merge tag in CSS',
    source: '<mj-style>.brand { color: {{brand_color}}; }</mj-style>',
    token: 'brand_color',
    has: ['source.css', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'merge tag in an HTML comment, which the sending service still fills in',
    source: '<!-- Sent to {{email}} -->',
    token: 'email',
    has: ['comment.block.html', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'a stray opening brace pair stays text',
    source: '<mj-text>a stray {{ brace</mj-text>',
    token: 'a stray {{ brace',
    has: ['meta.embedded.block.html', 'text.html.basic'],
    lacks: ['meta.embedded.merge-tag'],
  },
  {
    name: 'merge tags do not nest',
    source: '<mj-text>{{t "%%Greeting%%"}}</mj-text>',
    token: '%%Greeting%%',
    has: ['meta.embedded.merge-tag.handlebars', 'string.quoted.double.merge-tag'],
    lacks: ['meta.embedded.merge-tag.salesforce'],
  },
  {
    name: 'a merge tag written straight after an attribute name is not part of the name',
    source: '<mj-section {{#if hero}}css-class="hero"{{/if}}>',
    token: 'hero',
    has: ['meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
];

// In .html files the injection applies on top of VS Code's HTML grammar (the stub here).
const htmlCases: Case[] = [
  {
    name: 'Handlebars field in HTML text',
    source: '<p>Hi {{first_name}}</p>',
    token: 'first_name',
    has: ['text.html.basic', 'meta.embedded.merge-tag.handlebars', 'variable.other.merge-field.handlebars'],
  },
  {
    name: 'Mailchimp field in an HTML attribute value',
    source: '<a href="*|UNSUB|*">Unsubscribe</a>',
    token: 'UNSUB',
    has: ['string.quoted.double.html', 'meta.embedded.merge-tag.mailchimp', 'variable.other.merge-field.mailchimp'],
  },
  {
    name: 'ERB in HTML text',
    source: '<td><%= patient.name %></td>',
    token: '<%=',
    has: ['meta.embedded.merge-tag.erb', 'punctuation.definition.merge-tag.begin.erb'],
    lacks: ['meta.tag'],
  },
];

test('injection selector names every injectTo scope', () => {
  const file = path.join(repoRoot, 'syntaxes/merge-tags.injection.tmLanguage.json');
  const selector = (JSON.parse(readFileSync(file, 'utf8')) as { injectionSelector: string }).injectionSelector;
  const parts = selector.split(',').map((part) => part.trim());

  for (const scope of injectedInto) {
    assert.ok(parts.includes(`L:${scope} -meta.embedded.merge-tag`), `${scope} missing from "${selector}"`);
  }
  assert.equal(parts.length, injectedInto.size);
});

function check(tokens: Token[], testCase: Case): void {
  const matches = tokens.filter((token) => token.text === testCase.token);
  const nth = testCase.nth ?? 0;
  const token = matches[nth];
  assert.ok(
    token,
    `no occurrence ${nth} of token ${JSON.stringify(testCase.token)}; tokens: ${JSON.stringify(tokens.map((t) => t.text))}`,
  );

  const stack = token.scopes.join(' ');
  for (const scope of testCase.has) {
    assert.ok(token.scopes.includes(scope), `${scope} missing from [${stack}]`);
  }
  assert.equal(token.scopes.at(-1), testCase.has.at(-1), `innermost scope of [${stack}]`);
  for (const prefix of testCase.lacks ?? []) {
    const found = token.scopes.find((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
    assert.equal(found, undefined, `${found} should not be on [${stack}]`);
  }
}

for (const [rootScope, cases] of [
  ['text.html.mjml', [...mjmlCases, ...mergeTagCases]],
  ['text.html.basic', htmlCases],
] as const) {
  for (const testCase of cases) {
    test(`${rootScope}: ${testCase.name}`, async () => {
      const grammar = await loadGrammar(rootScope);
      check(tokenize(grammar, testCase.source), testCase);
    });
  }
}
