// Who is logged in: asked of the server (/api/auth/me) once, then kept; login and logout change it.
// The session itself is an HTTP-only cookie the page's code never sees.
//
// Issue 19, offline: the last answer of /api/auth/me or of the login (MeView: username, role, jurisdiction,
// whether the password must change; nothing about an applicant) is kept in localStorage, so that a reload
// with no network opens the application for the user who was logged in, marked `offline`. It is removed at
// logout and when the server says the session has ended (401: the login screen; the outbox keeps that
// user's unsent items for their next login). When the network comes back (the browser's online event, or
// any later answer of the server), /api/auth/me is asked again.
//
// A logout with no network ends the session on this device at once and is sent to the server as soon as it
// can be reached (LOGOUT_PENDING), before anything else: the session is never taken back by a later check.
// Another tab's login or logout (the kept user changing in localStorage) makes this tab ask again too, so
// that no tab goes on working — or sending its outbox — under a session that is no longer its user's.
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

/** A logout done on this device that the server has not heard of yet. */
const LOGOUT_PENDING = 'pact.logoutPending';

/** Sends a logout the server has not heard of; true when it has now (or none was pending). */
async function sendPendingLogout(): Promise<boolean> {
  if (localStorage.getItem(LOGOUT_PENDING) !== '1') return true;
  try {
    await api('POST', '/api/auth/logout');
  } catch (e) {
    // a 401: the session had ended anyway
    if (!(e instanceof ApiError && e.status === 401)) return false;
  }
  localStorage.removeItem(LOGOUT_PENDING);
  return true;
}

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
    if (!(await sendPendingLogout())) {
      // logged out on this device, and the server still cannot be told: nobody is logged in here
      goOffline(true);
      setMe(null);
      return;
    }
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
      } else {
        // no network, or no answer of the server's own (a proxy's 502/503 page): the user who was logged
        // in on this device, if any
        goOffline(true);
        setMe(keptMe());
      }
    }
  }, [goOffline]);
  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);
  // back online: ask the server again who is logged in (the session may have ended meanwhile)
  useEffect(() => {
    const recheck = () => {
      const pending = localStorage.getItem(LOGOUT_PENDING) === '1';
      if ((!offlineRef.current && !pending) || checking.current) return;
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
    // another tab logged in or out: ask the server who this tab's session is now
    const otherTab = (e: StorageEvent) => {
      if (e.key === KEPT_ME || e.key === null) void refresh().catch(() => undefined);
    };
    window.addEventListener('online', recheck);
    window.addEventListener('offline', lost);
    window.addEventListener('storage', otherTab);
    network.addEventListener('reachable', recheck);
    network.addEventListener('unreachable', lost);
    return () => {
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', lost);
      window.removeEventListener('storage', otherTab);
      network.removeEventListener('reachable', recheck);
      network.removeEventListener('unreachable', lost);
    };
  }, [refresh, goOffline]);
  const value: Auth = {
    me,
    offline,
    refresh,
    async login(username, password) {
      await sendPendingLogout();
      const m = await api<MeView>('POST', '/api/auth/login', { username, password });
      // a new session replaces the one a pending logout was about
      localStorage.removeItem(LOGOUT_PENDING);
      keep(m);
      goOffline(false);
      setMe(m);
      return m;
    },
    async logout() {
      forget();
      localStorage.setItem(LOGOUT_PENDING, '1');
      setMe(null);
      await sendPendingLogout();
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
