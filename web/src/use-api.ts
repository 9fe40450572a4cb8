// Reading from the API in a screen: the answer for the path asked for last. When the path changes (a
// filter, a period), an answer still on its way for the previous path is dropped, so a slow old answer
// never replaces a newer one; while the new one loads, there is no data.
import { useEffect, useState } from 'react';
import { api } from './api.ts';

export interface Read<T> {
  readonly data?: T;
  readonly error?: unknown;
}

/** GET `path` (nothing when undefined), again whenever it changes. */
export function useApi<T>(path: string | undefined): Read<T> {
  const [state, setState] = useState<Read<T> & { path?: string }>({});
  useEffect(() => {
    if (!path) return;
    let stale = false;
    api<T>('GET', path).then(
      (data) => !stale && setState({ path, data }),
      (error) => !stale && setState({ path, error }),
    );
    return () => {
      stale = true;
    };
  }, [path]);
  return state.path === path ? state : {};
}

/**
 * GET every one of `paths` (nothing when undefined), again whenever they change: all the answers, in order.
 * `anonymous`: without the session, as the public reads.
 */
export function useApiAll<T>(paths: readonly string[] | undefined, anonymous = false): Read<T[]> {
  const key = paths?.join('\n');
  const [state, setState] = useState<Read<T[]> & { key?: string }>({});
  useEffect(() => {
    if (key === undefined) return;
    let stale = false;
    Promise.all(
      key.split('\n').map((p) => api<T>('GET', p, undefined, {}, anonymous ? 'omit' : 'same-origin')),
    ).then(
      (data) => !stale && setState({ key, data }),
      (error) => !stale && setState({ key, error }),
    );
    return () => {
      stale = true;
    };
  }, [key, anonymous]);
  return state.key === key ? state : {};
}
