import type { Node as JsonNode } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';

/**
 * Validates a parsed `presend.config.json` against the shipped JSON schema, reporting each
 * problem on the offending node's offsets so the editor can underline it.
 *
 * Only the schema features the shipped schema uses are supported: type, enum, properties,
 * required, additionalProperties, items, anyOf, minimum, pattern (with VS Code's
 * patternErrorMessage) and local `$ref`s. Using the schema itself keeps the documented
 * format and the enforced one from drifting apart.
 */

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  minimum?: number;
  pattern?: string;
  /** VS Code's extension to JSON schema: the message shown when `pattern` does not match. */
  patternErrorMessage?: string;
  description?: string;
  definitions?: Record<string, SchemaNode>;
}

export interface SchemaProblem {
  /** JSON path of the value, e.g. `rules.missing-unsubscribe`. */
  path: string;
  message: string;
  offset: number;
  length: number;
}

export function validateAgainstSchema(root: JsonNode, schema: SchemaNode): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(root, schema, schema, '', problems);
  return problems;
}

function visit(node: JsonNode, schemaIn: SchemaNode, rootSchema: SchemaNode, path: string, problems: SchemaProblem[]): void {
  const schema = resolveRef(schemaIn, rootSchema);
  const label = path === '' ? 'The configuration' : `"${path}"`;

  if (schema.anyOf) {
    // Accept the first alternative that reports nothing; otherwise report the closest one,
    // the alternative whose type matches the value.
    const attempts = schema.anyOf.map((option) => {
      const found: SchemaProblem[] = [];
      visit(node, option, rootSchema, path, found);
      return { option: resolveRef(option, rootSchema), found };
    });
    if (attempts.some((attempt) => attempt.found.length === 0)) {
      return;
    }
    const sameType = attempts.find((attempt) => typeMatches(node, attempt.option.type));
    problems.push(...(sameType ?? attempts[0]).found);
    return;
  }

  if (schema.type !== undefined && !typeMatches(node, schema.type)) {
    const expected = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
    problems.push(at(node, path, `${label} must be ${article(expected)} ${expected}, not ${describe(node)}.`));
    return;
  }

  if (schema.enum) {
    const value = getNodeValue(node);
    if (!schema.enum.includes(value)) {
      const accepted = schema.enum.map((entry) => JSON.stringify(entry)).join(', ');
      problems.push(at(node, path, `${label} is ${JSON.stringify(value)}; use one of ${accepted}.`));
    }
    return;
  }

  if (node.type === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(node.value as string)) {
    problems.push(at(node, path, `${label} is ${JSON.stringify(node.value)}. ${schema.patternErrorMessage ?? `It must match ${schema.pattern}.`}`));
  }

  if (node.type === 'number' && schema.minimum !== undefined && (node.value as number) < schema.minimum) {
    problems.push(at(node, path, `${label} is ${node.value}; it must be at least ${schema.minimum}.`));
  }

  if (node.type === 'array' && schema.items) {
    (node.children ?? []).forEach((child, index) => visit(child, schema.items!, rootSchema, `${path}[${index}]`, problems));
  }

  if (node.type === 'object') {
    visitObject(node, schema, rootSchema, path, problems);
  }
}

function visitObject(node: JsonNode, schema: SchemaNode, rootSchema: SchemaNode, path: string, problems: SchemaProblem[]): void {
  const seen = new Set<string>();

  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) {
      continue;
    }
    const key = keyNode.value as string;
    seen.add(key);
    const childPath = path === '' ? key : `${path}.${key}`;
    const known = schema.properties?.[key];

    if (known) {
      visit(valueNode, known, rootSchema, childPath, problems);
    } else if (typeof schema.additionalProperties === 'object') {
      visit(valueNode, schema.additionalProperties, rootSchema, childPath, problems);
    } else if (schema.additionalProperties === false) {
      const accepted = Object.keys(schema.properties ?? {}).filter((name) => name !== '$schema');
      problems.push(at(keyNode, childPath, `Unknown key "${childPath}"; accepted keys here: ${accepted.join(', ')}.`));
    }
  }

  for (const required of schema.required ?? []) {
    if (!seen.has(required)) {
      const where = path === '' ? 'the configuration' : `"${path}"`;
      problems.push(at(node, path, `Missing key "${required}" in ${where}.`));
    }
  }
}

function resolveRef(schema: SchemaNode, rootSchema: SchemaNode): SchemaNode {
  let current = schema;
  while (current.$ref) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    const target = rootSchema.definitions?.[name];
    if (!target) {
      throw new Error(`The configuration schema refers to a missing definition "${current.$ref}".`);
    }
    current = { ...target, description: current.description ?? target.description };
  }
  return current;
}

function typeMatches(node: JsonNode, type: string | string[] | undefined): boolean {
  if (type === undefined) {
    return true;
  }
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => {
    if (entry === 'integer') {
      return node.type === 'number' && Number.isInteger(node.value);
    }
    return entry === node.type;
  });
}

function describe(node: JsonNode): string {
  if (node.type === 'object' || node.type === 'array') {
    return `${article(node.type)} ${node.type}`;
  }
  return JSON.stringify(node.value);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function at(node: JsonNode, path: string, message: string): SchemaProblem {
  return { path, message, offset: node.offset, length: node.length };
}
