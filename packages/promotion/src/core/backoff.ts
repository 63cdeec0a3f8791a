/** Attempts a webhook delivery gets before it is marked failed (the first one included). */
export const MAX_DELIVERY_ATTEMPTS = 5;

const BASE_DELAY_MS = 10_000;
const MAX_DELAY_MS = 15 * 60_000;

/**
 * The pause before the attempt after `attempts` failed ones: exponential (10 s, 20 s, 40 s …) capped at
 * 15 minutes, or null when no attempt is left. Deterministic: replicas agree on the schedule.
 */
export const nextAttemptDelayMs = (attempts: number): number | null => {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
};
