import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlignment, isAligned } from '../../../server/src/core/dns/alignment';

test('isAligned relaxed and strict', () => {
  assert.equal(isAligned('news.example.org', 'example.org', 'r'), true);
  assert.equal(isAligned('mail.example.org', 'news.example.org', 'r'), true);
  assert.equal(isAligned('news.example.org', 'example.org', 's'), false);
  assert.equal(isAligned('Example.org.', 'example.org', 's'), true);
  assert.equal(isAligned('example.com', 'example.org', 'r'), false);
  assert.equal(isAligned('a.example.co.uk', 'b.example.co.uk', 'r'), true);
  assert.equal(isAligned('other.co.uk', 'example.co.uk', 'r'), false);
});

test('alignment passes with aligned DKIM', () => {
  const result = checkAlignment('news.example.org', { spfIncludes: [], dkimDomain: 'example.org' });
  assert.equal(result.id, 'alignment');
  assert.equal(result.status, 'pass');
  assert.equal(result.detail.dkimAligned, true);
  assert.equal(result.detail.spfAligned, undefined);
});

test('alignment strict DKIM fails on subdomain', () => {
  const result = checkAlignment('news.example.org', { spfIncludes: [], dkimDomain: 'example.org', adkim: 's' });
  assert.equal(result.status, 'fail');
  assert.equal(result.detail.dkimAligned, false);
});

test('alignment warns when only SPF aligns', () => {
  const result = checkAlignment('example.org', { spfIncludes: [], dkimDomain: 'esp.example.com', returnPathDomain: 'bounce.example.org' });
  assert.equal(result.status, 'warn');
  assert.equal(result.detail.dkimAligned, false);
  assert.equal(result.detail.spfAligned, true);
});

test('alignment fails when nothing aligns', () => {
  const result = checkAlignment('example.org', { spfIncludes: [], dkimDomain: 'esp.example.com', returnPathDomain: 'bounces.esp.example.com' });
  assert.equal(result.status, 'fail');
  assert.match(result.message, /neither DKIM d=esp\.example\.com \(relaxed\) nor Return-Path bounces\.esp\.example\.com \(relaxed\)/);
});

test('alignment unknown without identifiers', () => {
  const result = checkAlignment('example.org', { spfIncludes: ['_spf.esp.example.com'] });
  assert.equal(result.status, 'unknown');
  assert.match(result.fix ?? '', /dkimSelector/);
});

test('sending domain missing from SPF warns', () => {
  const covered = checkAlignment('example.org', {
    spfIncludes: ['_spf.esp.example.com'],
    sendingDomains: ['esp.example.com'],
    dkimDomain: 'example.org',
  });
  assert.equal(covered.status, 'pass');
  assert.deepEqual(covered.detail.sendingDomainsMissingFromSpf, []);

  const missing = checkAlignment('example.org', {
    spfIncludes: ['_spf.esp.example.com'],
    sendingDomains: ['esp.example.com', 'other-esp.example.net'],
    dkimDomain: 'example.org',
  });
  assert.equal(missing.status, 'warn');
  assert.deepEqual(missing.detail.sendingDomainsMissingFromSpf, ['other-esp.example.net']);
});
