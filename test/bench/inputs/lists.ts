import * as fs from 'node:fs';
import { pick, seededRandom } from './random';

/**
 * Recipient lists in CSV for the list benchmarks, with every reason a row can be flagged for
 * without DNS. The people are made up: local parts are first name, last name and a serial
 * number. Addresses use the big mail providers and invented organisation domains, because
 * the typo and domain checks behave differently on them than on reserved domains; the files
 * live in a temporary folder, are never committed, and no lookup is made for them.
 */

export interface GeneratedList {
  path: string;
  suppressionPath: string;
  rows: number;
  bytes: number;
}

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonah', 'Kemi', 'Luis', 'Maya', 'Noor', 'Owen', 'Priya'];
const LAST = ['Alder', 'Brook', 'Castillo', 'Dunmore', 'Ekwueme', 'Fairley', 'Goring', 'Halvorsen', 'Ibarra', 'Jessup', 'Kowal', 'Lindqvist'];
const PROVIDERS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net'];
const ORG_WORDS = ['maple', 'harbor', 'summit', 'cedar', 'lumen', 'quarry', 'osprey', 'tandem', 'birch', 'meridian'];
const TYPO_DOMAINS = ['gmial.com', 'gmail.con', 'hotmial.com', 'yahooo.com', 'outlok.com'];
const DISPOSABLE = ['mailinator.com', 'guerrillamail.com', 'yopmail.com'];
const RESERVED = ['example.com', 'clinic.test', 'mail.example.org'];
const ROLES = ['info', 'support', 'admin', 'office', 'sales'];
const INVALID = ['patient.at.gmail.com', 'two..dots@gmail.com', 'with space@yahoo.com', '@outlook.com', 'trailing@hotmail.com.'];
const SOURCES = ['front desk', 'patient portal', 'web form', '"Spring fair, Millbrook"'];

/** Share of rows per kind, in percent; the rest are clean addresses. */
const MIX: [kind: RowKind, percent: number][] = [
  ['invalid-syntax', 2],
  ['reserved-domain', 2],
  ['invalid-tld', 1],
  ['typo', 2],
  ['disposable', 2],
  ['role-account', 2],
  ['duplicate', 3],
  ['suppressed-list', 1],
  ['suppressed-column', 2],
  ['missing-consent', 5],
];
type RowKind =
  | 'clean'
  | 'invalid-syntax'
  | 'reserved-domain'
  | 'invalid-tld'
  | 'typo'
  | 'disposable'
  | 'role-account'
  | 'duplicate'
  | 'suppressed-list'
  | 'suppressed-column'
  | 'missing-consent';

const ORG_DOMAINS = Array.from({ length: 2000 }, (_, index) => {
  const word = ORG_WORDS[index % ORG_WORDS.length];
  const other = ORG_WORDS[Math.floor(index / ORG_WORDS.length) % ORG_WORDS.length];
  return `${word}-${other}${index}.${['com', 'net', 'org', 'us'][index % 4]}`;
});

export function generateList(path: string, rows: number, seed = 7): GeneratedList {
  const random = seededRandom(seed);
  const recent: string[] = [];
  const suppression: string[] = ['email'];
  const file = fs.openSync(path, 'w');
  let bytes = 0;
  let buffer = ['email,first_name,last_name,consent,unsubscribed,signup_source'];

  const flush = () => {
    const text = `${buffer.join('\r\n')}\r\n`;
    bytes += fs.writeSync(file, text);
    buffer = [];
  };

  for (let serial = 0; serial < rows; serial++) {
    const kind = kindOf(random);
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const local = `${first}.${last}${serial}`.toLowerCase();
    const clean = `${local}@${random() < 0.6 ? pick(random, PROVIDERS) : pick(random, ORG_DOMAINS)}`;

    let email = clean;
    if (kind === 'invalid-syntax') email = pick(random, INVALID);
    else if (kind === 'reserved-domain') email = `${local}@${pick(random, RESERVED)}`;
    else if (kind === 'invalid-tld') email = `${local}@riverbend-patients.notatld`;
    else if (kind === 'typo') email = `${local}@${pick(random, TYPO_DOMAINS)}`;
    else if (kind === 'disposable') email = `${local}@${pick(random, DISPOSABLE)}`;
    else if (kind === 'role-account') email = `${pick(random, ROLES)}@${pick(random, ORG_DOMAINS)}`;
    else if (kind === 'duplicate' && recent.length > 0) email = pick(random, recent).toUpperCase();
    else if (kind === 'suppressed-list') suppression.push(clean);

    if (kind === 'clean') {
      if (recent.length < 1000) recent.push(clean);
      else recent[serial % 1000] = clean;
    }
    const consent = kind === 'missing-consent' ? 'no' : 'yes';
    const unsubscribed = kind === 'suppressed-column' ? 'yes' : '';
    // Display-name cells with a comma are quoted, as spreadsheets export them.
    const lastCell = random() < 0.05 ? `"${last}, Jr."` : last;
    buffer.push(`${email},${first},${lastCell},${consent},${unsubscribed},${pick(random, SOURCES)}`);
    if (buffer.length >= 10_000) flush();
  }
  flush();
  fs.closeSync(file);

  const suppressionPath = path.replace(/\.csv$/, '-suppression.csv');
  fs.writeFileSync(suppressionPath, `${suppression.join('\r\n')}\r\n`);
  return { path, suppressionPath, rows, bytes };
}

function kindOf(random: () => number): RowKind {
  let roll = random() * 100;
  for (const [kind, percent] of MIX) {
    if (roll < percent) return kind;
    roll -= percent;
  }
  return 'clean';
}
