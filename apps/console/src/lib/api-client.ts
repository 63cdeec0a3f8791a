import { createEc3lClient, type Ec3lClient } from '@ec3l/sdk';

/**
 * Browser-side SDK clients, one per tenant, all same-origin (the console's /api route proxies to the
 * gateway). The tenant is fixed per client so a response can never be cached under another tenant's
 * query key; the user id is read before every request.
 */
export const createClientFactory = (getUser: () => string | null) => {
  const clients = new Map<string, Ec3lClient>();
  return (tenant: string | null): Ec3lClient => {
    const key = tenant ?? '';
    let client = clients.get(key);
    if (!client) {
      client = createEc3lClient({
        baseUrl: window.location.origin,
        identity: () => ({ tenant, user: getUser() }),
      });
      clients.set(key, client);
    }
    return client;
  };
};

export type ClientFactory = ReturnType<typeof createClientFactory>;
