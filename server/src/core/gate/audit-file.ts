import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The last line of a file, without its newline; `terminated` is false when the file does not end in "\n". */
export interface LastLine {
  text: string;
  terminated: boolean;
}

const CHUNK_BYTES = 64 * 1024;

/** Reads the last line by scanning backwards from the end, so the cost does not grow with the log. */
export function readLastLine(filePath: string): LastLine | undefined {
  let fd: number;
  try {
    fd = openSync(filePath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }

  try {
    const size = fstatSync(fd).size;
    if (size === 0) {
      return undefined;
    }

    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    const terminated = last[0] === 0x0a;
    const end = terminated ? size - 1 : size;

    const chunks: Buffer[] = [];
    let position = end;
    while (position > 0) {
      const length = Math.min(CHUNK_BYTES, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      readSync(fd, chunk, 0, length, position);

      const newline = chunk.lastIndexOf(0x0a);
      if (newline >= 0) {
        chunks.unshift(chunk.subarray(newline + 1));
        break;
      }
      chunks.unshift(chunk);
    }

    return { text: Buffer.concat(chunks).toString('utf8'), terminated };
  } finally {
    closeSync(fd);
  }
}
