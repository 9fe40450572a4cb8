// When the page sends the outbox of the logged-in user: at once when asked (Record pressed, the page loaded,
// the user logged in), when the browser says it is online again, and on a timer with backoff (5 s doubling to
// 5 min) while items wait after a failed round. A session that ended stops the timer: the items wait for the
// same user to log in again. While items wait, a background sync is asked for too (background-sync.ts).
import { backoff } from './answer.ts';
import { requestBackgroundSync } from './background-sync.ts';
import { type SendReport, sendOutbox } from './sender.ts';
import { setCurrentOwner } from './store.ts';

export interface Scheduler {
  /** Sends now (and again when done if asked meanwhile). */
  sendNow(): void;
  stop(): void;
}

export function startScheduler(owner: string, onReport: (r: SendReport) => void): Scheduler {
  let stopped = false;
  let running = false;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      await setCurrentOwner(owner);
      // the browser knows it is offline: the 'online' event sends (a background sync, where there is one)
      if (globalThis.navigator?.onLine === false) {
        void requestBackgroundSync();
        return;
      }
      do {
        again = false;
        const report = await sendOutbox(owner, undefined, () => stopped);
        if (stopped) return;
        onReport(report);
        if (report.stopped === 'network' || report.stopped === 'server') {
          failures += 1;
          clearTimeout(timer);
          timer = setTimeout(run, backoff(failures));
          void requestBackgroundSync();
        } else failures = 0;
      } while (again && !stopped);
    } catch {
      // IndexedDB unavailable (a private window of some browsers): tried again on the next trigger
    } finally {
      running = false;
    }
  };
  const online = () => {
    failures = 0;
    void run();
  };
  globalThis.addEventListener?.('online', online);
  void run();
  return {
    sendNow: () => void run(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', online);
    },
  };
}
