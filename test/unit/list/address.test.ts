import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAddress, parseAddress } from '../../../server/src/core/list/address';

const VALID: [string, string][] = [
  ['jane.doe@clinic-sample.org', 'jane.doe@clinic-sample.org'],
  ['jane+appointments@clinic-sample.org', 'jane+appointments@clinic-sample.org'],
  ["o'brien@clinic-sample.org", "o'brien@clinic-sample.org"],
  ['"jane doe"@clinic-sample.org', '"jane doe"@clinic-sample.org'],
  ['"a@b"@clinic-sample.org', '"a@b"@clinic-sample.org'],
  ['Jane.Doe@Clinic-Sample.ORG', 'Jane.Doe@clinic-sample.org'],
  ['jürgen@bücher-sample.de', 'jürgen@xn--bcher-sample-dlb.de'],
  ['user@xn--bcher-kva.de', 'user@xn--bcher-kva.de'],
  ['user@[192.0.2.1]', 'user@[192.0.2.1]'],
  ['user@[IPv6:2001:db8::1]', 'user@[IPv6:2001:db8::1]'],
  [`${'a'.repeat(64)}@clinic-sample.org`, `${'a'.repeat(64)}@clinic-sample.org`],
  [`user@${'a'.repeat(63)}.org`, `user@${'a'.repeat(63)}.org`],
];

const INVALID = [
  '',
  'jane',
  '@clinic-sample.org',
  'jane@',
  'jane..doe@clinic-sample.org',
  '.jane@clinic-sample.org',
  'jane.@clinic-sample.org',
  'jane@192.0.2.1',
  'jane@clinic-sample.org.',
  'jane@clinic\uFFFDsample.org',
  'jane doe@clinic-sample.org',
  'jane@clinic_sample.org',
  'jane@-clinic.org',
  'jane@clinic..org',
  'jane@[192.0.2.300]',
  'jane@[2001:db8::1]',
  'jane@ｃlinic-sample.org',
  'jane@ﬁsh-sample.org',
  `${'a'.repeat(65)}@clinic-sample.org`,
  `user@${'a'.repeat(64)}.org`,
  `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.org`,
  'jane@localdomain',
];

test('valid addresses normalise the domain and keep the local part as written', () => {
  for (const [input, normalized] of VALID) {
    const parsed = parseAddress(input);
    assert.ok(parsed.valid, `${input} should be valid`);
    assert.equal(`${parsed.local}@${parsed.domain}`, normalized, input);
  }
});

test('invalid addresses are rejected', () => {
  for (const input of INVALID) {
    assert.equal(parseAddress(input).valid, false, `${JSON.stringify(input)} should be invalid`);
  }
});

test('a domain that IDN mapping would rewrite is rejected, naming the rewrite', () => {
  const parsed = parseAddress('jane@ﬁsh-sample.org');
  assert.deepEqual(parsed, { valid: false, problem: 'domain would be rewritten to fish-sample.org' });
});

test('display names and mailto prefixes are stripped from cells', () => {
  assert.equal(extractAddress('Jane Doe <jane@clinic-sample.org>'), 'jane@clinic-sample.org');
  assert.equal(extractAddress('"Doe, Jane" <jane@clinic-sample.org> '), 'jane@clinic-sample.org');
  assert.equal(extractAddress(' mailto:jane@clinic-sample.org'), 'jane@clinic-sample.org');
  assert.equal(extractAddress('jane@clinic-sample.org'), 'jane@clinic-sample.org');
});
