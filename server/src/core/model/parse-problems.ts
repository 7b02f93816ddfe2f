import { walk } from './tree';
import type { ModelProblem, TemplateNode } from './types';

/**
 * Markup problems worth a finding. Deliberately few: email HTML is full of harmless
 * irregularities, and a linter that reports them all is switched off.
 */
export function findParseProblems(roots: readonly TemplateNode[]): ModelProblem[] {
  const problems: ModelProblem[] = [];
  walk(roots, (node) => {
    if (node.type === 'comment' && node.parent?.name === 'mj-style') {
      // CSS has only /* */ comments; Outlook has been seen dropping the whole message over this.
      problems.push({ kind: 'parse', code: 'comment-in-style', data: { element: 'mj-style' }, span: node.span });
      return;
    }
    if (node.type !== 'element' || node.name !== 'style') {
      return;
    }
    for (const child of node.children) {
      if (child.type !== 'text') {
        continue;
      }

      // `<style><!-- … --></style>` is the old hide-from-ancient-browsers wrapper, which CSS
      // allows; only a comment after CSS has started is the mistake.
      const open = child.raw.indexOf('<!--');
      if (open !== -1 && child.raw.slice(0, open).trim().length > 0) {
        const close = child.raw.indexOf('-->', open + 4);
        const end = close === -1 ? child.span.end : child.span.start + close + 3;
        problems.push({ kind: 'parse', code: 'comment-in-style', data: { element: 'style' }, span: { file: child.span.file, start: child.span.start + open, end } });
      }
    }
  });
  return problems;
}
