/**
 * Sends until the hub answers. Network failures, timeouts and server errors are retried with
 * growing pauses (1 s … 30 s); a real answer — success or a 4xx the user must fix — ends it.
 * Safe only for requests carrying an Idempotency-Key.
 */
import { isRetryable } from '../api/client.js';

export interface Attempt {
  attempt: number;
  /** Set while waiting before the next attempt. */
  retryInMs: number | null;
}

export async function sendUntilAnswered<T>(send: () => Promise<T>, onAttempt: (a: Attempt) => void, signal?: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    onAttempt({ attempt, retryInMs: null });
    try {
      return await send();
    } catch (error) {
      if (!isRetryable(error) || signal?.aborted) throw error;
      const pause = Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5));
      onAttempt({ attempt, retryInMs: pause });
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
