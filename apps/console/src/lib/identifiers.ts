/**
 * Machine names the server accepts (record type keys, field names, channels): lower snake case, a letter
 * first, at most 63 characters: `Identifier()` of @ec3l/kernel (the console imports only the SDK).
 */
export const IDENTIFIER_RE = /^[a-z][a-z0-9_]{0,62}$/;
