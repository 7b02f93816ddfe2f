import type { MergeTag } from './types';

/**
 * Classification of merge tags: their kind and the field they read, from the text between
 * their delimiters.
 * Rules care about the field (`patient.diagnosis`) far more than the syntax, so each language's
 * quirks end here and every tag comes out in the same shape.
 */

export interface TagMeaning {
  field: string | null;
  kind: MergeTag['kind'];
  keyword?: string;
  filters: string[];
}

/** A dotted or bracketed data path: `a.b`, `../name`, `@index`, `items[0].name`, `customer['name']`. */
const PATH = /^(?:\.\.\/)*@?[A-Za-z_$][\w$\-]*(?:\.[A-Za-z_$@][\w$\-]*|\/[A-Za-z_$][\w$\-]*|\[[^\]]*\])*$/;

const LITERALS = new Set(['true', 'false', 'null', 'nil', 'undefined', 'empty', 'blank', 'else']);

/** Words of conditions that are operators, not fields. */
const OPERATORS = new Set(['and', 'or', 'not', 'contains', 'in', 'as', 'with', 'do', 'then', 'reversed', 'limit', 'offset']);

function isPath(token: string): boolean {
  return PATH.test(token) && !LITERALS.has(token) && !OPERATORS.has(token);
}

/** Splits on whitespace and the given punctuation, keeping quoted strings whole. */
function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  const pattern = /"[^"]*"?|'[^']*'?|[()=,:|]|[^\s()=,:|"']+/g;
  for (const match of expression.matchAll(pattern)) {
    tokens.push(match[0]);
  }
  return tokens;
}

function firstPath(tokens: readonly string[]): string | null {
  for (const token of tokens) {
    if (isPath(token)) {
      return token;
    }
  }
  return null;
}

export function classifyHandlebars(rawBody: string, triple: boolean): TagMeaning {
  let body = rawBody.trim();
  if (!triple) {
    body = body.replace(/^~/, '').replace(/~$/, '').trim();
  }
  const sigil = body[0];

  if (sigil === '!') {
    return { field: null, kind: 'statement', keyword: 'comment', filters: [] };
  }
  if (sigil === '>') {
    return { field: null, kind: 'statement', keyword: 'partial', filters: [] };
  }
  if (sigil === '/') {
    const name = body.slice(1).trim().split(/\s+/)[0] ?? '';
    return { field: null, kind: 'block-close', keyword: name, filters: [] };
  }
  if (body === '^' || body === 'else' || body.startsWith('else ')) {
    const tokens = tokenize(body.slice(body === '^' ? 1 : 4));
    return { field: firstPath(tokens.filter((token) => token !== 'if' && token !== 'unless')), kind: 'statement', keyword: 'else', filters: [] };
  }
  if (sigil === '#' || sigil === '^') {
    const tokens = tokenize(body.slice(1));
    const keyword = tokens[0] ?? '';
    const { field, filters } = readHelperArguments(tokens.slice(1));
    return { field, kind: 'block-open', keyword, filters };
  }

  const tokens = tokenize(body.replace(/^&/, ''));
  if (tokens.length === 1) {
    return { field: isPath(tokens[0]) ? tokens[0] : null, kind: 'output', filters: [] };
  }

  // `{{formatDate appt.date "MMM"}}`: a helper call; the helper counts as a filter.
  const helper = tokens[0] ?? '';
  const { field, filters } = readHelperArguments(tokens.slice(1));
  return { field, kind: 'output', filters: helper ? [helper, ...filters] : filters };
}

/**
 * Handlebars arguments: the first path read is the field. A subexpression's helper name
 * (`(eq a b)`) and a hash argument's key (`key=value`) are not fields.
 */
function readHelperArguments(tokens: readonly string[]): { field: string | null; filters: string[] } {
  const filters: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (tokens[i - 1] === '(') {
      filters.push(token);
      continue;
    }
    if (tokens[i + 1] === '=' || token === '|' || tokens[i - 1] === '|') {
      continue;
    }
    if (field === null && isPath(token)) {
      field = token;
    }
  }
  return { field, filters };
}

/** `{{ patient.first_name | default: 'there' }}`: the first segment is read, the rest filter it. */
export function classifyLiquidOutput(rawBody: string): TagMeaning {
  const body = rawBody.replace(/^-/, '').replace(/-$/, '').trim();
  const { head, filters } = splitFilters(body);
  const tokens = tokenize(head);
  const field = tokens.length === 1 && isPath(tokens[0]) ? tokens[0] : firstPath(tokens);
  return { field, kind: 'output', filters };
}

function splitFilters(expression: string): { head: string; filters: string[] } {
  const segments: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (quote) {
      if (char === quote) {
        quote = '';
      }
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '|') {
      segments.push(expression.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(expression.slice(start));
  const filters = segments
    .slice(1)
    .map((segment) => segment.split(':')[0].trim())
    .filter((name) => name.length > 0);
  return { head: segments[0] ?? '', filters };
}

const LIQUID_BLOCKS = new Set(['if', 'unless', 'for', 'case', 'capture', 'tablerow', 'comment', 'raw', 'paginate', 'form', 'with']);
const LIQUID_BRANCHES = new Set(['else', 'elsif', 'when']);

export function classifyLiquidTag(rawBody: string): TagMeaning {
  const body = rawBody.replace(/^-/, '').replace(/-$/, '').trim();
  const keyword = body.split(/\s+/)[0] ?? '';
  const rest = body.slice(keyword.length);

  if (keyword.startsWith('end') && keyword.length > 3) {
    return { field: null, kind: 'block-close', keyword: keyword.slice(3), filters: [] };
  }
  if (keyword === 'for' || keyword === 'tablerow') {
    const source = rest.split(/\s+in\s+/)[1] ?? '';
    return { field: firstPath(tokenize(source)), kind: 'block-open', keyword, filters: [] };
  }
  if (keyword === 'capture' || keyword === 'comment' || keyword === 'raw') {
    return { field: null, kind: 'block-open', keyword, filters: [] };
  }
  if (LIQUID_BLOCKS.has(keyword)) {
    return { field: firstPath(tokenize(rest)), kind: 'block-open', keyword, filters: [] };
  }
  if (LIQUID_BRANCHES.has(keyword)) {
    return { field: firstPath(tokenize(rest)), kind: 'statement', keyword, filters: [] };
  }
  if (keyword === 'assign') {
    const value = rest.slice(rest.indexOf('=') + 1);
    const { head, filters } = splitFilters(value);
    return { field: rest.includes('=') ? firstPath(tokenize(head)) : null, kind: 'statement', keyword, filters };
  }
  if (keyword === 'echo') {
    return { ...classifyLiquidOutput(rest), keyword };
  }
  if (keyword === 'include' || keyword === 'render' || keyword === 'section' || keyword === 'layout') {
    return { field: null, kind: 'statement', keyword, filters: [] };
  }
  return { field: firstPath(tokenize(rest)), kind: 'statement', keyword, filters: [] };
}

/** `*|FNAME|*`, `*|LIST:ADDRESS|*`, `*|IF:REWARDS|*` … `*|ELSE:|*` … `*|END:IF|*`. */
export function classifyMailchimp(rawBody: string): TagMeaning {
  const body = rawBody.trim();
  const colon = body.indexOf(':');
  const prefix = colon === -1 ? body.toUpperCase() : body.slice(0, colon).toUpperCase();
  const argument = colon === -1 ? '' : body.slice(colon + 1).trim();

  // The field of a condition is the name before any comparison: `*|IF:AGE>=18|*` reads AGE.
  const conditionField = argument.split(/\s*(?:!=|>=|<=|=|>|<)\s*/)[0] || null;

  if (prefix === 'IF' || prefix === 'IFNOT' || prefix === 'INTERESTED') {
    return { field: conditionField, kind: 'block-open', keyword: prefix.toLowerCase(), filters: [] };
  }
  if (prefix === 'ELSEIF') {
    return { field: conditionField, kind: 'statement', keyword: 'elseif', filters: [] };
  }
  if (prefix === 'ELSE') {
    return { field: null, kind: 'statement', keyword: 'else', filters: [] };
  }
  if (prefix === 'END') {
    return { field: null, kind: 'block-close', keyword: argument.toLowerCase(), filters: [] };
  }
  return { field: body, kind: 'output', filters: [] };
}

/** `%%FirstName%%`, `%%=v(@x)=%%`, `%%=AttributeValue("x")=%%`, `%%[ … ]%%`. */
export function classifySalesforce(body: string): TagMeaning {
  if (body.startsWith('[')) {
    return { field: null, kind: 'statement', keyword: 'ampscript', filters: [] };
  }
  if (!body.startsWith('=')) {
    return { field: body, kind: 'output', filters: [] };
  }
  const expression = body.slice(1, -1);
  const { field, filters } = readCall(expression);

  // AttributeValue("Name") reads the subscriber attribute named by its string argument.
  if (field === null && /^AttributeValue$/i.test(filters[0] ?? '')) {
    const named = /\(\s*["']([^"']+)["']/.exec(expression);
    return { field: named ? named[1] : null, kind: 'output', filters };
  }
  return { field, kind: 'output', filters };
}

export function classifyMailgun(name: string): TagMeaning {
  return { field: name, kind: 'output', filters: [] };
}

/** `<%= x %>`, `<%- x %>`, `<% if x %>`, `<%# note %>`, SendGrid's `<%asm_group_unsubscribe_raw_url%>`. */
export function classifyErb(rawBody: string): TagMeaning {
  const sigil = rawBody[0];
  if (sigil === '#') {
    return { field: null, kind: 'statement', keyword: 'comment', filters: [] };
  }
  if (sigil === '=' || sigil === '-') {
    const expression = rawBody.slice(1).replace(/-$/, '').trim();
    return { ...readCall(expression), kind: 'output' };
  }

  const body = rawBody.replace(/-$/, '').trim();
  if (/^[A-Za-z_][\w.]*$/.test(body) && !ERB_KEYWORDS.has(body)) {
    return { field: body, kind: 'output', filters: [] };
  }
  const keyword = body.split(/[\s(]/)[0] ?? '';
  const tokens = tokenize(body);
  const field = firstPath(tokens.filter((token) => !ERB_KEYWORDS.has(token)));
  return { field, kind: 'statement', keyword: keyword || undefined, filters: [] };
}

const ERB_KEYWORDS = new Set(['if', 'unless', 'elsif', 'else', 'end', 'for', 'while', 'each', 'do', 'then', 'in', 'var', 'let', 'const', 'include', '}', '{']);

/** `format_date(appt.date, "MMM")`: called names are filters, the first other path is the field. */
function readCall(expression: string): { field: string | null; filters: string[] } {
  const tokens = tokenize(expression);
  const filters: string[] = [];
  let field: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (tokens[i + 1] === '(' && /^[A-Za-z_$][\w$.]*$/.test(token)) {
      filters.push(token);
    } else if (field === null && isPath(token)) {
      field = token;
    }
  }
  return { field, filters };
}
