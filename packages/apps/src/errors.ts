/** Specific codes of apps; each is the top-level `code` of the error it names. */
export const AppsErrorCodes = {
  /** The tenant has an app of this template installed already (one per tenant and template). */
  APP_ALREADY_INSTALLED: 'APP_ALREADY_INSTALLED',
  /** A module of the template has the name of a module the project holds already. */
  APP_MODULE_CONFLICT: 'APP_MODULE_CONFLICT',
  /** Another upgrade of the app is running. */
  APP_UPGRADE_IN_PROGRESS: 'APP_UPGRADE_IN_PROGRESS',
  /** The upgrade target is not a newer version of the app's template. */
  APP_UPGRADE_INVALID: 'APP_UPGRADE_INVALID',
  /** The override's target is not something its module has (a config key, workflow, rule or form). */
  OVERRIDE_TARGET_INVALID: 'OVERRIDE_TARGET_INVALID',
  /** The override's patch does not fit its target (a config value of another JSON type). */
  OVERRIDE_PATCH_INVALID: 'OVERRIDE_PATCH_INVALID',
  /** The override's status does not allow the move (activate a retired one, retire a retired one). */
  OVERRIDE_STATE_CONFLICT: 'OVERRIDE_STATE_CONFLICT',
} as const;

export type AppsErrorCode = (typeof AppsErrorCodes)[keyof typeof AppsErrorCodes];
