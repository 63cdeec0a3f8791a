/** Specific codes of forms; each is the top-level `code` of the error it names. */
export const FormsErrorCodes = {
  /** A form definition with this name already exists for the record type. */
  FORM_NAME_TAKEN: 'FORM_NAME_TAKEN',
  /** The form's (or override's) status does not allow the action: activating an active form, editing a retired one … */
  FORM_STATE_CONFLICT: 'FORM_STATE_CONFLICT',
  /** A placement, rule or condition names a field the form's record type does not have (own or inherited). */
  FORM_FIELD_UNKNOWN: 'FORM_FIELD_UNKNOWN',
  /** The field is already placed on this form (a field appears once per form). */
  FORM_FIELD_PLACED: 'FORM_FIELD_PLACED',
  /** Another section of the form already has this title. */
  FORM_SECTION_TITLE_TAKEN: 'FORM_SECTION_TITLE_TAKEN',
  /** A change would make a field required by its definition optional. */
  FORM_REQUIRED_FIELD: 'FORM_REQUIRED_FIELD',
  /** Form patch ops that do not apply to the form (a field not on it, an unknown section …); details list each problem. */
  FORM_PATCH_INVALID: 'FORM_PATCH_INVALID',
  /** A rule's condition is too large or a comparison lacks its value. */
  FORM_CONDITION_INVALID: 'FORM_CONDITION_INVALID',
  /** The form holds the most sections, placements or rules it may. */
  FORM_LIMIT_REACHED: 'FORM_LIMIT_REACHED',
  /** A record write breaks the rules of the record type's active form(s); details.violations lists them. */
  FORM_RULE_VIOLATION: 'FORM_RULE_VIOLATION',
} as const;

export type FormsErrorCode = (typeof FormsErrorCodes)[keyof typeof FormsErrorCodes];
