'use client';

import type { Tenant } from '@ec3l/sdk';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type ClientFactory, createClientFactory } from '@/lib/api-client';
import {
  DEFAULT_USER_ID,
  pickTenant,
  TENANT_STORAGE_KEY,
  USER_STORAGE_KEY,
  userIdProblem,
} from '@/lib/identity';
import { useTenants } from '@/queries/tenants';

type TenantState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'empty' }
  | { status: 'ready'; slug: string };

type IdentityContextValue = {
  /** SDK client for a tenant (null: no tenant header, for GET /api/tenants). */
  api: ClientFactory;
  tenants: Tenant[];
  tenant: TenantState;
  setTenant: (slug: string) => void;
  userId: string;
  /** Stores and starts sending the user id; returns a message instead when it is not valid. */
  setUserId: (value: string) => string | null;
};

const IdentityContext = createContext<IdentityContextValue | null>(null);

const readStorage = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};

const writeStorage = (key: string, value: string) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this page only.
  }
};

/**
 * Which tenant the console speaks for and as whom. Both live in localStorage and go out as the
 * x-tenant-id / x-user-id headers; nothing is kept in cookies.
 */
export function IdentityProvider({ children }: { children: ReactNode }) {
  const [userId, setUserIdState] = useState(DEFAULT_USER_ID);
  const userRef = useRef(userId);
  const [api] = useState(() => createClientFactory(() => userRef.current));
  const [chosenTenant, setChosenTenant] = useState<string | null>(null);
  const tenantsQuery = useTenants(api);

  useEffect(() => {
    const stored = readStorage(USER_STORAGE_KEY);
    const user = stored !== null && userIdProblem(stored) === null ? stored.trim() : DEFAULT_USER_ID;
    userRef.current = user;
    setUserIdState(user);
  }, []);

  // Once the gateway lists the tenants, settle on one: the stored slug only if it is still listed.
  useEffect(() => {
    if (!tenantsQuery.data) return;
    const current = chosenTenant ?? readStorage(TENANT_STORAGE_KEY);
    const picked = pickTenant(current, tenantsQuery.data);
    if (picked !== chosenTenant) setChosenTenant(picked);
    if (picked && picked !== readStorage(TENANT_STORAGE_KEY)) writeStorage(TENANT_STORAGE_KEY, picked);
  }, [tenantsQuery.data, chosenTenant]);

  const setTenant = useCallback((slug: string) => {
    writeStorage(TENANT_STORAGE_KEY, slug);
    setChosenTenant(slug);
  }, []);

  const setUserId = useCallback((value: string) => {
    const problem = userIdProblem(value);
    if (problem) return problem;
    const user = value.trim();
    userRef.current = user;
    writeStorage(USER_STORAGE_KEY, user);
    setUserIdState(user);
    return null;
  }, []);

  const { data: tenantList, error: tenantsError, refetch } = tenantsQuery;
  const tenant = useMemo<TenantState>(() => {
    if (tenantsError) return { status: 'error', error: tenantsError, retry: () => void refetch() };
    if (!tenantList) return { status: 'loading' };
    if (tenantList.length === 0) return { status: 'empty' };
    const slug = pickTenant(chosenTenant, tenantList);
    return slug && slug === chosenTenant ? { status: 'ready', slug } : { status: 'loading' };
  }, [tenantList, tenantsError, refetch, chosenTenant]);

  const value = useMemo<IdentityContextValue>(
    () => ({ api, tenants: tenantList ?? [], tenant, setTenant, userId, setUserId }),
    [api, tenantList, tenant, setTenant, userId, setUserId],
  );
  return <IdentityContext.Provider value={value}>{children}</IdentityContext.Provider>;
}

export const useIdentity = (): IdentityContextValue => {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity must be used inside <IdentityProvider>');
  return value;
};
