import type { SourceFile } from '../model/source';
import type { CommentNode } from '../model/types';

/**
 * Inline control comments, which both MJML and HTML accept:
 *   <!-- presend-disable-next-line RULE[, RULE] -- reason -->
 *   <!-- presend-disable [RULE, …] -->  …  <!-- presend-enable [RULE, …] -->
 *   <!-- presend-disable-file [RULE, …] -->
 * Without rule ids a directive applies to every rule. Text after ` -- ` is the reason.
 */
export interface InlineDirective {
  kind: 'disable-next-line' | 'disable' | 'enable' | 'disable-file';
  /** Rule ids named, or empty for all rules. */
  rules: string[];
  reason?: string;
  file: SourceFile;
  /** The comment's span, for findings about the directive itself. */
  start: number;
  end: number;
}

const DIRECTIVE_PATTERN = /^\s*presend-(disable-next-line|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;

export function parseInlineDirectives(comments: CommentNode[]): InlineDirective[] {
  const directives: InlineDirective[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE_PATTERN.exec(comment.body);
    if (!match) {
      continue;
    }
    const [ruleText, reason] = splitReason(match[2]);
    directives.push({
      kind: match[1] as InlineDirective['kind'],
      rules: ruleText.split(/[\s,]+/).filter((rule) => rule.length > 0),
      reason,
      file: comment.span.file,
      start: comment.span.start,
      end: comment.span.end,
    });
  }
  return directives;
}

function splitReason(text: string): [string, string | undefined] {
  const index = text.indexOf(' -- ');
  if (index === -1) {
    return [text.trim(), undefined];
  }
  return [text.slice(0, index).trim(), text.slice(index + 4).trim() || undefined];
}

/** One directive's reach, in one file: which lines and which rules it covers. */
interface Suppression {
  directive: InlineDirective;
  firstLine: number;
  lastLine: number;
  rules: Set<string> | null;
  used: boolean;
}

/**
 * Decides which findings inline directives suppress and remembers which directives
 * suppressed something, so unused ones can be reported.
 */
export class SuppressionIndex {
  private readonly suppressions: Suppression[] = [];

  constructor(directives: InlineDirective[]) {
    const open = new Map<SourceFile, Suppression[]>();

    for (const directive of directives) {
      const { file } = directive;
      const startLine = file.positionAt(directive.start).line;
      const endLine = file.positionAt(directive.end).line;
      const rules = directive.rules.length > 0 ? new Set(directive.rules) : null;

      if (directive.kind === 'disable-next-line') {
        this.suppressions.push({ directive, firstLine: endLine + 1, lastLine: endLine + 1, rules, used: false });
      } else if (directive.kind === 'disable-file') {
        this.suppressions.push({ directive, firstLine: 0, lastLine: Number.MAX_SAFE_INTEGER, rules, used: false });
      } else if (directive.kind === 'disable') {
        const suppression = { directive, firstLine: startLine, lastLine: Number.MAX_SAFE_INTEGER, rules, used: false };
        this.suppressions.push(suppression);
        const list = open.get(file) ?? [];
        list.push(suppression);
        open.set(file, list);
      } else {
        this.closeRegions(open.get(file) ?? [], rules, startLine);
      }
    }
  }

  /** Returns true when a finding of `ruleId` starting on `line` of `file` is suppressed. */
  suppresses(ruleId: string, file: SourceFile, line: number): boolean {
    let suppressed = false;
    for (const suppression of this.suppressions) {
      if (suppression.directive.file !== file || line < suppression.firstLine || line > suppression.lastLine) {
        continue;
      }
      if (suppression.rules === null || suppression.rules.has(ruleId)) {
        suppression.used = true;
        suppressed = true;
      }
    }
    return suppressed;
  }

  /** Directives that suppressed nothing, each with the rule ids among its list that did nothing. */
  unused(): InlineDirective[] {
    return this.suppressions.filter((suppression) => !suppression.used).map((suppression) => suppression.directive);
  }

  private closeRegions(open: Suppression[], rules: Set<string> | null, line: number): void {
    for (const suppression of open) {
      if (suppression.lastLine !== Number.MAX_SAFE_INTEGER) {
        continue;
      }
      // `presend-enable` without ids closes every open region; with ids, the regions for them.
      const closes = rules === null || (suppression.rules !== null && [...suppression.rules].every((rule) => rules.has(rule)));
      if (closes) {
        suppression.lastLine = line;
      }
    }
  }
}
