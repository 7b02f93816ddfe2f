import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

/**
 * Loads the shipped grammars into vscode-textmate the way VS Code wires them from package.json,
 * and tokenizes text with them.
 *
 * VS Code's own CSS and HTML grammars are not in node_modules, so `source.css` and
 * `text.html.basic` resolve to small stubs in test/fixtures/grammar/stubs/ that keep the real
 * grammars' scope names. Tokens produced by those stubs show where the MJML grammar hands over
 * to them, not how VS Code colours CSS or HTML.
 */

export interface Token {
  /** Zero-based line number in the tokenized text. */
  line: number;
  text: string;
  /** Scope names from the grammar's root scope to the innermost. */
  scopes: string[];
}

export const repoRoot = findRepoRoot(__dirname);

const grammarFiles: Record<string, string> = {
  'text.html.mjml': 'syntaxes/mjml.tmLanguage.json',
  'merge-tags.injection.presend': 'syntaxes/merge-tags.injection.tmLanguage.json',
  'source.css': 'test/fixtures/grammar/stubs/css.tmLanguage.json',
  'text.html.basic': 'test/fixtures/grammar/stubs/html.tmLanguage.json',
};

/** Root scopes the merge-tag grammar is injected into: the injectTo list of its package.json entry. */
export const injectedInto = new Set(['text.html.mjml', 'text.mjml.basic', 'text.html.basic', 'text.html.derivative']);

let registry: vsctm.Registry | undefined;

/** Loads the grammar for a root scope (`text.html.mjml` or `text.html.basic`) with the merge-tag injection. */
export async function loadGrammar(scopeName: string): Promise<vsctm.IGrammar> {
  registry ??= createRegistry();
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) {
    throw new Error(`No grammar for scope ${scopeName}; add it to grammarFiles in test/unit/grammar/textmate.ts.`);
  }
  return grammar;
}

export function tokenize(grammar: vsctm.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;

  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  });

  return tokens;
}

function createRegistry(): vsctm.Registry {
  const wasm = readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));

  return new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      if (file === undefined) {
        return null;
      }
      const fullPath = path.join(repoRoot, file);
      return vsctm.parseRawGrammar(readFileSync(fullPath, 'utf8'), fullPath);
    },
    getInjections: (scopeName) => (injectedInto.has(scopeName) ? ['merge-tags.injection.presend'] : undefined),
  });
}

// The compiled test runs from out/test/..., the sources stay at the repository root.
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'syntaxes', 'mjml.tmLanguage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No syntaxes/mjml.tmLanguage.json above ${start}; run the tests from inside the repository.`);
    }
    dir = parent;
  }
  return dir;
}
