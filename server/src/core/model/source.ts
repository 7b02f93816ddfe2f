/**
 * A file's text as the editor holds it, with offset-to-position mapping.
 *
 * Offsets are UTF-16 code unit indexes into `text` (JavaScript string indexes), which is also
 * what LSP positions count by default, so a column is simply `offset - lineStart`.
 * A leading byte-order mark is removed before anything else sees the text, because VS Code's
 * text model drops it too and positions must agree with the editor.
 */
export interface Position {
  /** Zero-based line. */
  line: number;
  /** Zero-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  /** True when the bytes on disk started with a UTF-8 byte-order mark. */
  readonly hadBom: boolean;
  private lineStarts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.hadBom = text.charCodeAt(0) === 0xfeff;
    this.text = this.hadBom ? text.slice(1) : text;
  }

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;

    // Binary search for the last line start at or before the offset.
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.getLineStarts();
    if (position.line >= starts.length) {
      return this.text.length;
    }
    const lineStart = starts[Math.max(0, position.line)];
    const nextLineStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(lineStart + position.character, nextLineStart);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  /** Returns the text of a zero-based line without its line break. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line] ?? this.text.length;
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) {
      end--;
    }
    return this.text.slice(start, end);
  }

  private getLineStarts(): number[] {
    if (this.lineStarts) {
      return this.lineStarts;
    }
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);

      // CR LF counts as one break; a lone CR is a break too, as in LSP.
      if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        starts.push(i + 1);
      } else if (code === 10) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }
}

/** A stretch of one source file, by UTF-16 offsets, end exclusive. */
export interface Span {
  file: SourceFile;
  start: number;
  end: number;
}
