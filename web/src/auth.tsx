// Who is logged in: asked of the server (/api/auth/me) once, then kept; login and logout change it.
// The session itself is an HTTP-only cookie the page's code never sees.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import type { MeView } from '../../src/api/contract.ts';
import { can, type Permission } from '../../src/domain/roles.ts';
import { ApiError, api } from './api.ts';

interface Auth {
  /** undefined while asking, null when nobody is logged in */
  readonly me: MeView | null | undefined;
  login(username: string, password: string): Promise<MeView>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  may(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeView | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await api<MeView>('GET', '/api/auth/me'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else throw e;
    }
  }, []);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  const value: Auth = {
    me,
    refresh,
    async login(username, password) {
      const m = await api<MeView>('POST', '/api/auth/login', { username, password });
      setMe(m);
      return m;
    },
    async logout() {
      await api('POST', '/api/auth/logout').catch(() => undefined);
      setMe(null);
    },
    may: (permission) => (me ? can(me.role, permission) : false),
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}

/** The logged-in user (for screens behind the login). */
export function useMe(): MeView {
  const { me } = useAuth();
  if (!me) throw new Error('not logged in');
  return me;
}
