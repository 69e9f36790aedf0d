import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getMe } from '../api/staff';
import type { Me } from '../api/types';
import { roleMay, type Permission } from '../../contract/permissions.ts';

interface PermissionsValue {
  me: Me | null;
  /** Whether the signed-in role may do this; false until the role is known, so nothing flashes. */
  can: (permission: Permission) => boolean;
}

const PermissionsContext = createContext<PermissionsValue>({ me: null, can: () => false });

/**
 * The signed-in role, from GET /api/me, checked against the same permissions table the server
 * enforces (imported, not copied): the app hides what the role can't use; the server refuses it anyway.
 */
export function PermissionsProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let current = true;
    getMe().then(
      (value) => current && setMe(value),
      () => current && setMe(null),
    );
    return () => {
      current = false;
    };
  }, []);
  const value = useMemo<PermissionsValue>(
    () => ({ me, can: (permission) => !!me && (me.role === 'operator' || roleMay(me.role, permission)) }),
    [me],
  );
  return <PermissionsContext.Provider value={value}>{children}</PermissionsContext.Provider>;
}

export const usePermissions = () => useContext(PermissionsContext);
