/** Delay before attempt `attempt + 1` after attempt `attempt` failed: 5 s, 20 s, 80 s … capped at 15 min. */
export const retryDelayMs = (attempt: number): number =>
  Math.min(5_000 * 4 ** Math.max(0, attempt - 1), 900_000);

/**
 * What happens to an intent whose attempt `attempt` (1-based) of `maxAttempts` failed: back to pending
 * after the backoff, or failed for good on the last attempt. Pure.
 */
export const afterFailure = (
  attempt: number,
  maxAttempts: number,
  now: Date,
): { status: 'pending'; availableAt: Date } | { status: 'failed' } =>
  attempt >= maxAttempts
    ? { status: 'failed' }
    : { status: 'pending', availableAt: new Date(now.getTime() + retryDelayMs(attempt)) };
