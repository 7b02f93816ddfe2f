// Condition waits for the end-to-end tests. Nothing here sleeps for a fixed time: every wait
// re-checks a condition and gives up at a deadline with an error naming what it waited for.

import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Milliseconds between two checks; the default suits DOM and HTTP polling. */
  intervalMs?: number;
  /** What is awaited, for the timeout message ("code-server to answer /healthz"). */
  what: string;
}

/**
 * Calls `check` until it returns a value other than `undefined` and returns that value.
 * An exception thrown by `check` counts as "not yet". The last one is named in the timeout
 * error, because it usually explains the failure (connection refused, element missing).
 */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  let lastError: unknown;

  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }

    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last error: ${describe(lastError)})`;
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}`);
    }
    await delay(intervalMs);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
