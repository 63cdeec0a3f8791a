/** Specific codes of graph packages; each is the top-level `code` of the error it names. */
export const GraphPackagesErrorCodes = {
  /** The package does not fit the package format, or an upgrade changes what an install cannot (details.problems). */
  PACKAGE_INVALID: 'PACKAGE_INVALID',
  /** The package's version is lower than the installed one and the caller did not pass allowDowngrade. */
  PACKAGE_DOWNGRADE: 'PACKAGE_DOWNGRADE',
  /** The package would create or change an object another package owns in the project (names the owner). */
  PACKAGE_OWNERSHIP_CONFLICT: 'PACKAGE_OWNERSHIP_CONFLICT',
  /** The package removes fields or record types that hold records and the caller did not pass allowDataLoss. */
  PACKAGE_DATA_LOSS: 'PACKAGE_DATA_LOSS',
  /** The project's graph with the package applied fails a graph validator (details.errors). */
  PACKAGE_GRAPH_INVALID: 'PACKAGE_GRAPH_INVALID',
  /** No install of that id in the caller's tenant, or no installed version of the package to compare. */
  PACKAGE_INSTALL_NOT_FOUND: 'PACKAGE_INSTALL_NOT_FOUND',
  /** The install was reverted already, or a later install of the package supersedes it. */
  PACKAGE_ALREADY_REVERTED: 'PACKAGE_ALREADY_REVERTED',
  /** Reverting the install would drop record types or choice lists that hold records (names them, with counts). */
  PACKAGE_REVERT_BLOCKED: 'PACKAGE_REVERT_BLOCKED',
} as const;

export type GraphPackagesErrorCode = (typeof GraphPackagesErrorCodes)[keyof typeof GraphPackagesErrorCodes];
