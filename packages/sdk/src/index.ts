import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };
export type Schemas = components['schemas'];
export type Tenant = Schemas['Tenant'];
export type Project = Schemas['Project'];
export type CreateProjectBody = Schemas['CreateProjectBody'];
export type Module = Schemas['Module'];
export type Environment = Schemas['Environment'];
export type DashboardSummary = Schemas['DashboardSummary'];
export type ApiErrorBody = Schemas['ErrorResponse'];
/** Every code the gateway answers with (docs/api-errors.md says when). */
export type ApiErrorCode = ApiErrorBody['code'];
/** An error body as received: the gateway's, or one of a proxy in between (which may use its own codes). */
export type ReceivedErrorBody = Omit<Partial<ApiErrorBody>, 'code'> & { code?: ApiErrorCode | (string & {}) };

/** Who the client speaks as. Values may change between calls (a console switching tenants). */
export type Ec3lIdentity = { tenant?: string | null; user?: string | null; agent?: string | null };

/** A bearer token, or a function returning the current one (called before every request). */
export type Ec3lToken = string | (() => string | null | undefined | Promise<string | null | undefined>);

export type Ec3lClientOptions = Ec3lIdentity & {
  baseUrl: string;
  /**
   * Sent as `Authorization: Bearer <token>` (for a gateway with EC3L_AUTH=jwt). A function is read before
   * every request, so it can refresh an expiring token; returning nothing sends no header.
   */
  token?: Ec3lToken;
  /** Read before every request; wins over the static tenant/user/agent options. */
  identity?: () => Ec3lIdentity;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
};

export type Ec3lClient = Client<paths>;

/**
 * A typed client for the EC3L API that sends the tenant, user and agent headers, and the bearer token
 * when one is given, on every request.
 */
export const createEc3lClient = (options: Ec3lClientOptions): Ec3lClient => {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const identityHeaders: Middleware = {
    async onRequest({ request }) {
      const who = options.identity?.() ?? options;
      const set = (name: string, value: string | null | undefined) => {
        if (value) request.headers.set(name, value);
      };
      set('x-tenant-id', who.tenant);
      set('x-user-id', who.user);
      set('x-agent-id', who.agent);
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(identityHeaders);
  return client;
};

/** The error an EC3L call answered with: status, stable code and message. */
export class Ec3lApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ReceivedErrorBody | undefined) {
    super(body?.message ?? `Request failed with status ${status}`);
    this.name = 'Ec3lApiError';
    this.status = status;
    this.code = body?.code ?? 'UNKNOWN';
    this.details = body?.details;
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Returns the data of a call, or throws an Ec3lApiError carrying the server's error body. */
export const unwrap = <T>(result: Result<T>): T => {
  if (result.error !== undefined || !result.response.ok) {
    throw new Ec3lApiError(result.response.status, result.error as ReceivedErrorBody | undefined);
  }
  return result.data as T;
};
