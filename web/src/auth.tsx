// Who is logged in: asked of the server (/api/auth/me) once, then kept; login and logout change it.
// The session itself is an HTTP-only cookie the page's code never sees.
//
// Issue 19, offline: the last answer of /api/auth/me or of the login (MeView: username, role, jurisdiction,
// whether the password must change; nothing about an applicant) is kept in localStorage, so that a reload
// with no network opens the application for the user who was logged in, marked `offline`. It is removed at
// logout and when the server says the session has ended (401: the login screen; the outbox keeps that
// user's unsent items for their next login). When the network comes back (the browser's online event, or
// any later answer of the server), /api/auth/me is asked again.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { MeView } from '../../src/api/contract.ts';
import { can, type Permission } from '../../src/domain/roles.ts';
import { ApiError, api, network } from './api.ts';

interface Auth {
  /** undefined while asking, null when nobody is logged in */
  readonly me: MeView | null | undefined;
  /** The server cannot be reached: `me` is the one kept on this device from the last answer. */
  readonly offline: boolean;
  login(username: string, password: string): Promise<MeView>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  may(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | undefined>(undefined);

/** Where the last logged-in user is kept on this device. */
export const KEPT_ME = 'pact.me';

function keptMe(): MeView | null {
  try {
    const m = JSON.parse(localStorage.getItem(KEPT_ME) ?? 'null') as Partial<MeView> | null;
    return m && typeof m.username === 'string' && typeof m.role === 'string' ? (m as MeView) : null;
  } catch {
    return null;
  }
}

function keep(m: MeView): void {
  // only what the frame needs to open: never more than the account itself
  const { username, role, jurisdiction, mustChangePassword } = m;
  localStorage.setItem(KEPT_ME, JSON.stringify({ username, role, jurisdiction, mustChangePassword }));
}

const forget = () => localStorage.removeItem(KEPT_ME);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeView | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const offlineRef = useRef(false);
  // one re-check at a time (its own answer is a 'reachable' too)
  const checking = useRef(false);
  const goOffline = useCallback((value: boolean) => {
    offlineRef.current = value;
    setOffline(value);
  }, []);
  const refresh = useCallback(async () => {
    try {
      const m = await api<MeView>('GET', '/api/auth/me');
      keep(m);
      goOffline(false);
      setMe(m);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        // the session has ended: log in again
        forget();
        goOffline(false);
        setMe(null);
      } else if (e instanceof ApiError && e.status === 0) {
        // no network: the user who was logged in on this device, if any
        goOffline(true);
        setMe(keptMe());
      } else throw e;
    }
  }, [goOffline]);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  // back online: ask the server again who is logged in (the session may have ended meanwhile)
  useEffect(() => {
    const recheck = () => {
      if (!offlineRef.current || checking.current) return;
      checking.current = true;
      refresh()
        .catch(() => undefined)
        .finally(() => {
          checking.current = false;
        });
    };
    const lost = () => {
      if (!offlineRef.current) goOffline(true);
    };
    window.addEventListener('online', recheck);
    window.addEventListener('offline', lost);
    network.addEventListener('reachable', recheck);
    network.addEventListener('unreachable', lost);
    return () => {
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', lost);
      network.removeEventListener('reachable', recheck);
      network.removeEventListener('unreachable', lost);
    };
  }, [refresh, goOffline]);
  const value: Auth = {
    me,
    offline,
    refresh,
    async login(username, password) {
      const m = await api<MeView>('POST', '/api/auth/login', { username, password });
      keep(m);
      goOffline(false);
      setMe(m);
      return m;
    },
    async logout() {
      await api('POST', '/api/auth/logout').catch(() => undefined);
      forget();
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
