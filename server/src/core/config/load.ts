import * as path from 'node:path';
import { getLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import schemaJson from '../../../schema/presend.config.schema.json';
import { SourceFile } from '../model/source';
import type { MergeTagSyntax } from '../model/types';
import type { ResolvedConfig, RuleSetting, TemplateDefaults, UserConfig } from './types';
import { validateAgainstSchema, type SchemaNode } from './validate';

/** The file name Presend looks for at the workspace root. */
export const CONFIG_FILE_NAME = 'presend.config.json';

export const ALL_MERGE_TAG_SYNTAXES: MergeTagSyntax[] = ['handlebars', 'liquid', 'mailchimp', 'salesforce', 'mailgun', 'erb'];

export interface ConfigProblem {
  message: string;
  /** UTF-16 offsets into the config file's text. */
  start: number;
  end: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file as read, for mapping problem offsets to positions. */
  file?: SourceFile;
  problems: ConfigProblem[];
}

export interface LoadConfigOptions {
  /** Explicit config file; otherwise `presend.config.json` in `root`. */
  configPath?: string;
  trusted?: boolean;
  /** Reads a file, returning undefined when it does not exist. */
  readFile: (absolutePath: string) => string | undefined;
  /** Merge-tag syntaxes from editor settings; the config file's list wins when it has one. */
  mergeTagSyntaxes?: MergeTagSyntax[];
}

/**
 * Reads and validates the workspace configuration. An invalid file never stops checking:
 * each top-level key with a problem is dropped, the problems are returned for diagnostics on
 * the file, and the remaining keys and the defaults apply.
 */
export function loadConfig(root: string, options: LoadConfigOptions): LoadedConfig {
  const trusted = options.trusted ?? true;
  const configPath = options.configPath ? path.resolve(root, options.configPath) : path.join(root, CONFIG_FILE_NAME);
  const base = resolveConfig({}, root, trusted, options.mergeTagSyntaxes);

  if (!trusted && !isInside(root, configPath)) {
    return {
      config: base,
      problems: [{ message: `Ignored config "${configPath}": an untrusted workspace may only use a config inside the workspace.`, start: 0, end: 0 }],
    };
  }

  const text = options.readFile(configPath);
  if (text === undefined) {
    if (options.configPath) {
      return {
        config: base,
        problems: [{ message: `Config file "${configPath}" was not found; fix the path in presend.configPath or --config.`, start: 0, end: 0 }],
      };
    }
    return { config: base, problems: [] };
  }

  const file = new SourceFile(configPath, text);
  const { user, problems } = parseConfigText(file.text);
  const config = resolveConfig(user, path.dirname(configPath), trusted, options.mergeTagSyntaxes);
  config.path = configPath;
  return { config, file, problems };
}

/** Parses config text, validating it against the schema; invalid top-level keys are dropped. */
export function parseConfigText(text: string): { user: UserConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((error) => ({
    message: `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}. Fix the syntax; Presend uses its defaults until then.`,
    start: error.offset,
    end: error.offset + Math.max(1, error.length),
  }));

  if (!tree || errors.length > 0) {
    return { user: {}, problems };
  }

  if (tree.type !== 'object') {
    problems.push({ message: 'The configuration must be a JSON object, such as {"rules": {}}.', start: tree.offset, end: tree.offset + tree.length });
    return { user: {}, problems };
  }

  const schemaProblems = validateAgainstSchema(tree, schemaJson as SchemaNode);
  // The JSON round trip gives plain objects (getNodeValue builds null-prototype ones).
  const user = JSON.parse(JSON.stringify(getNodeValue(tree))) as Record<string, unknown>;
  for (const problem of schemaProblems) {
    const topKey = problem.path.split(/[.[]/)[0];
    if (topKey) {
      delete user[topKey];
    }
    problems.push({ message: problem.message, start: problem.offset, end: problem.offset + problem.length });
  }
  return { user: user as UserConfig, problems };
}

export function resolveConfig(user: UserConfig, root: string, trusted: boolean, editorSyntaxes?: MergeTagSyntax[]): ResolvedConfig {
  return {
    user,
    root,
    trusted,
    mergeTagSyntaxes: user.mergeTags?.syntaxes ?? editorSyntaxes ?? ALL_MERGE_TAG_SYNTAXES,
  };
}

export interface FileSettings {
  rules: Record<string, RuleSetting>;
  defaults: TemplateDefaults;
}

/**
 * Combines the config's rules and defaults with every override whose glob matches the file;
 * later overrides win, key by key.
 */
export function settingsForFile(config: ResolvedConfig, filePath: string, editorRules: Record<string, RuleSetting> = {}): FileSettings {
  const relative = path.relative(config.root, filePath).split(path.sep).join('/');
  const rules: Record<string, RuleSetting> = { ...editorRules, ...(config.user.rules ?? {}) };
  const defaults: TemplateDefaults = { ...(config.user.defaults ?? {}) };

  for (const override of config.user.overrides ?? []) {
    const globs = Array.isArray(override.files) ? override.files : [override.files];
    if (!picomatch(globs, { dot: true })(relative)) {
      continue;
    }
    const { files: _files, rules: overrideRules, ...keys } = override;
    Object.assign(rules, overrideRules ?? {});
    Object.assign(defaults, keys);
  }
  return { rules, defaults };
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Returns true when the config file has a problem inside the given top-level key. The loader
 * drops such a key entirely, so a caller that depends on it (the gate and `streams`) must
 * stop rather than judge as if the key were absent.
 */
export function hasProblemsUnder(loaded: LoadedConfig, key: string): boolean {
  const file = loaded.file;
  if (!file) {
    return false;
  }
  return loaded.problems.some((problem) => getLocation(file.text, problem.start).path[0] === key);
}
