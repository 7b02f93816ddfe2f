import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAddress } from '../../../server/src/core/list/check-address';
import { DISPOSABLE_ALLOW_LIST, isDisposableDomain } from '../../../server/src/core/list/disposable';
import { hasKnownTld, isReservedDomain } from '../../../server/src/core/list/reserved';
import { isRoleAccount } from '../../../server/src/core/list/role';
import { suggestDomain } from '../../../server/src/core/list/typo';

test('reserved and special-use domains', () => {
  for (const domain of ['example.com', 'mail.example.net', 'example.org', 'example.co.uk', 'example.de', 'clinic.test', 'x.invalid', 'localhost', 'a.localhost', 'host.example', 'printer.local', 'router.home.arpa']) {
    assert.equal(isReservedDomain(domain), true, domain);
  }
  for (const domain of ['examples.com', 'example-clinic.org', 'testing.org', 'clinic-sample.org']) {
    assert.equal(isReservedDomain(domain), false, domain);
  }
});

test('top-level domains come from the public suffix list', () => {
  assert.equal(hasKnownTld('clinic-sample.care'), true);
  assert.equal(hasKnownTld('clinic-sample.co.uk'), true);
  assert.equal(hasKnownTld('clinic-sample.dental'), true);
  assert.equal(hasKnownTld('gmail.con'), false);
  assert.equal(hasKnownTld('clinic-sample.zzz'), false);
});

test('typos of big providers get a suggestion', () => {
  const typos: [string, string][] = [
    ['gmial.com', 'gmail.com'],
    ['gmai.com', 'gmail.com'],
    ['gmaill.com', 'gmail.com'],
    ['gmail.co', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gmail.cmo', 'gmail.com'],
    ['gmail.om', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['hotmail.co.k', 'hotmail.co.uk'],
    ['yaho.com', 'yahoo.com'],
    ['yahooo.com', 'yahoo.com'],
    ['outlok.com', 'outlook.com'],
    ['icloud.co', 'icloud.com'],
    ['iclod.com', 'icloud.com'],
    ['aol.con', 'aol.com'],
    ['comcast.ner', 'comcast.net'],
    ['googlemial.com', 'googlemail.com'],
    ['gooogelmail.com', 'googlemail.com'],
  ];
  for (const [typed, meant] of typos) assert.equal(suggestDomain(typed), meant, typed);
});

test('real domains are never corrected', () => {
  const real = [
    'gmail.com',
    'mayo.edu',
    'va.gov',
    'mailo.com',
    'gmx.com',
    'mail.com',
    'email.com',
    'ymail.com',
    'cloud.com',
    'sunrise.care',
    'smile.dental',
    'gmail.care',
    'yahoo.health',
    'outlook.org.uk',
    'gmail.org',
    'hotmail.fr',
    'aoi.com',
    'msm.com',
    'mail.gmail.com',
    'nhs.org.uk',
    'clinic-sample.org',
  ];
  for (const domain of real) assert.equal(suggestDomain(domain), undefined, domain);
});

test('disposable providers are flagged, with real providers allowed', () => {
  for (const domain of ['mailinator.com', 'guerrillamail.com', 'yopmail.com', 'inbox.mailinator.com']) {
    assert.equal(isDisposableDomain(domain), true, domain);
  }
  for (const domain of DISPOSABLE_ALLOW_LIST) assert.equal(isDisposableDomain(domain), false, domain);
  assert.equal(isDisposableDomain('gmail.com'), false);
  assert.equal(isDisposableDomain('clinic-sample.org'), false);
});

test('role accounts are flagged but healthcare mailboxes are not', () => {
  for (const local of ['info', 'Admin', 'noreply', 'no-reply', 'postmaster', 'webmaster', 'abuse', 'sales', 'support', 'office', 'info+news']) {
    assert.equal(isRoleAccount(local), true, local);
  }
  for (const local of ['appointments', 'billing', 'records', 'pharmacy', 'scheduling', 'jane', 'information.desk']) {
    assert.equal(isRoleAccount(local), false, local);
  }
});

test('checkAddress combines the address checks', () => {
  assert.deepEqual(checkAddress('Jane <jane@gmial.com>'), {
    reasons: ['typo'],
    normalized: 'jane@gmial.com',
    key: 'jane@gmial.com',
    lookupDomain: 'gmial.com',
    suggestion: 'jane@gmail.com',
  });
  assert.deepEqual(checkAddress('jane@gmail.con').reasons, ['invalid-tld', 'typo']);
  assert.equal(checkAddress('jane@gmail.con').lookupDomain, undefined);
  assert.deepEqual(checkAddress('info@example.org').reasons, ['reserved-domain', 'role-account']);
  assert.deepEqual(checkAddress('info@mailinator.com').reasons, ['role-account', 'disposable']);
  assert.deepEqual(checkAddress('jane@[192.0.2.1]'), { reasons: [], normalized: 'jane@[192.0.2.1]', key: 'jane@[192.0.2.1]' });
  assert.deepEqual(checkAddress('not an address'), { reasons: ['invalid-syntax'] });
});
