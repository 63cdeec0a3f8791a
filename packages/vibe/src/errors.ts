/** Specific codes of vibe authoring; each is the top-level `code` of the error it names. */
export const VibeErrorCodes = {
  /** The model's output could not be turned into a valid package, after every repair attempt. */
  VIBE_GENERATION_FAILED: 'VIBE_GENERATION_FAILED',
  /** A package (from the model or the caller) outside the `vibe.` namespace, or naming a reserved one. */
  VIBE_NAMESPACE_VIOLATION: 'VIBE_NAMESPACE_VIOLATION',
  /** A package (from the caller) that is not a valid graph package. */
  VIBE_PACKAGE_INVALID: 'VIBE_PACKAGE_INVALID',
  /** The tenant already runs as many generations as it may at once; retry when one ends. */
  VIBE_GENERATION_LIMIT: 'VIBE_GENERATION_LIMIT',
  /** The model provider refused or failed (rate limit, error body, timeout, truncated stream). */
  VIBE_PROVIDER_ERROR: 'VIBE_PROVIDER_ERROR',
  /** The draft's status does not allow the action (install before preview, anything after install or discard). */
  VIBE_DRAFT_STATE_CONFLICT: 'VIBE_DRAFT_STATE_CONFLICT',
  /** A draft patch op that cannot apply (unknown type or field, duplicate name, the last field). */
  VIBE_PATCH_INVALID: 'VIBE_PATCH_INVALID',
  /** A draft version number the draft does not have. */
  VIBE_VERSION_NOT_FOUND: 'VIBE_VERSION_NOT_FOUND',
} as const;

export type VibeErrorCode = (typeof VibeErrorCodes)[keyof typeof VibeErrorCodes];
