import { USER_ID_PATTERN } from '@ec3l/rbac';
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { AuthConfig } from '../config.js';
import type { Caller } from '../plugins/identity.js';

/** A token that does not prove who the caller is: the request is answered 401 `invalid_token`. */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejected';
  }
}

/** The signing keys could not be fetched, so no token can be judged right now (503, retry later). */
export class SigningKeysUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super('the token signing keys could not be fetched');
    this.name = 'SigningKeysUnavailable';
  }
}

export type TokenVerifier = (token: string) => Promise<Caller>;

const ACTOR_ID_RE = new RegExp(USER_ID_PATTERN);
const MAX_TENANTS = 1_000;

/**
 * The caller a verified payload names: `sub` is the actor id, `ec3l_actor` says whether it is a user
 * (the default) or an agent, and `ec3l_tenants` lists the tenant slugs it may use (none when absent).
 */
const callerFromClaims = (payload: JWTPayload): Caller => {
  const { sub } = payload;
  if (typeof sub !== 'string' || !ACTOR_ID_RE.test(sub)) {
    throw new TokenRejected('the "sub" claim must be 1–200 letters, digits or . _ : @ -');
  }
  const actor = payload.ec3l_actor ?? 'user';
  if (actor !== 'user' && actor !== 'agent') {
    throw new TokenRejected('the "ec3l_actor" claim must be "user" or "agent"');
  }
  const tenants = payload.ec3l_tenants ?? [];
  if (
    !Array.isArray(tenants) ||
    tenants.length > MAX_TENANTS ||
    !tenants.every((slug): slug is string => typeof slug === 'string')
  ) {
    throw new TokenRejected(
      `the "ec3l_tenants" claim must be an array of at most ${MAX_TENANTS} tenant slugs`,
    );
  }
  return {
    userId: actor === 'user' ? sub : null,
    agentId: actor === 'agent' ? sub : null,
    tenants: new Set(tenants),
  };
};

/** jose's messages name the failed check ("exp" claim timestamp check failed, signature verification failed). */
const reasonOf = (error: unknown): string => {
  if (error instanceof errors.JWKSNoMatchingKey) return 'no signing key matches the token';
  if (error instanceof errors.JOSEError) return error.message;
  return 'the token could not be verified';
};

/**
 * A remote key set (fetched on first use, cached and refetched by jose when an unknown key id shows up)
 * whose fetch failures are told apart from tokens that match no key.
 */
const remoteKeys = (url: URL): JWTVerifyGetKey => {
  const keySet = createRemoteJWKSet(url);
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new SigningKeysUnavailable(error);
    }
  };
};

/**
 * Verifies bearer tokens: signature by the configured key (only the pinned algorithms), issuer,
 * audience, `exp` required, `nbf` honoured, both with the configured clock tolerance.
 */
export const createTokenVerifier = (auth: Extract<AuthConfig, { mode: 'jwt' }>): TokenVerifier => {
  const key = auth.keys.kind === 'jwks' ? remoteKeys(auth.keys.url) : auth.keys.key;
  const options = {
    issuer: auth.issuer,
    audience: auth.audience,
    algorithms: auth.algorithms,
    clockTolerance: auth.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, options));
    } catch (error) {
      if (error instanceof SigningKeysUnavailable) throw error;
      throw new TokenRejected(reasonOf(error));
    }
    return callerFromClaims(payload);
  };
};
