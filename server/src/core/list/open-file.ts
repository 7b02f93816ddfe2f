import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ListInputError } from './errors';

/**
 * Opens a file the user named (the list, the suppression file) for streaming, turning the
 * usual mistakes into a ListInputError that names the path and the fix. The folder check
 * uses stat because on Linux a folder opens without error; only the first read fails.
 *
 * `label` starts the messages, for example "List file" or "Suppression file".
 */
export async function openInputFile(path: string, label: string): Promise<ReadStream> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new ListInputError(`${label} ${path} is a folder; give the path of a CSV file.`);
    }
  } catch (error) {
    if (error instanceof ListInputError) throw error;
    throw new ListInputError(describeOpenError(error as NodeJS.ErrnoException, path, label));
  }

  const stream = createReadStream(path);
  // A permission error surfaces when the file is opened; wait for that here instead of mid-parse.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new ListInputError(describeOpenError(error, path, label))));
  });
  return stream;
}

function describeOpenError(error: NodeJS.ErrnoException, path: string, label: string): string {
  if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return `${label} ${path} was not found; check the path.`;
  if (error.code === 'EACCES' || error.code === 'EPERM') return `${label} ${path} cannot be read: permission denied. Check the file's permissions.`;
  return `Cannot read ${label.toLowerCase()} ${path}: ${error.message}`;
}
