/**
 * Per-tenant slots for generations running at once in this process. `tryAcquire` answers a release
 * function, or null when the tenant holds every slot; release is idempotent.
 */
export const createTenantLimiter = (maxPerTenant: number) => {
  const running = new Map<string, number>();
  return {
    tryAcquire: (tenantId: string): (() => void) | null => {
      const now = running.get(tenantId) ?? 0;
      if (now >= maxPerTenant) return null;
      running.set(tenantId, now + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (running.get(tenantId) ?? 1) - 1;
        if (left <= 0) running.delete(tenantId);
        else running.set(tenantId, left);
      };
    },
  };
};
