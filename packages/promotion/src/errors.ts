/** Specific codes of promotion; each is the top-level `code` of the error it names. */
export const PromotionErrorCodes = {
  /** The intent's status does not allow the action (approve before preview, execute before approval …). */
  PROMOTION_STATE_CONFLICT: 'PROMOTION_STATE_CONFLICT',
  /** An environment's package state changed since the intent was previewed; preview it again. */
  PROMOTION_DRIFT: 'PROMOTION_DRIFT',
  /** A direct promotion into an environment that requires approval: use a promotion intent. */
  PROMOTION_APPROVAL_REQUIRED: 'PROMOTION_APPROVAL_REQUIRED',
  /** The two environments are the same one, or belong to different projects. */
  PROMOTION_ENVIRONMENTS_INVALID: 'PROMOTION_ENVIRONMENTS_INVALID',
  /** Approval of an intent by anyone but a human user (an agent, or a caller naming no user). */
  PROMOTION_HUMAN_REQUIRED: 'PROMOTION_HUMAN_REQUIRED',
  /** A promotion webhook URL the guard refuses (not https, credentials, a refused address). */
  WEBHOOK_URL_REFUSED: 'WEBHOOK_URL_REFUSED',
} as const;

export type PromotionErrorCode = (typeof PromotionErrorCodes)[keyof typeof PromotionErrorCodes];
