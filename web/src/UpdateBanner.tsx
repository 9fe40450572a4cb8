/// <reference types="vite-plugin-pwa/react" />
// Issue 19: the service worker (web/src/sw.ts) registered, and a new version announced. A new version
// installs in the background and waits; this banner says so, and the page reloads only when the user
// presses Reload: a half-typed form is never interrupted. A new version taken over from another tab (its
// user pressed Reload there) does not reload this one either: the banner stays until pressed here.

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useI18n } from './i18n/i18n.tsx';

/** How often an open page asks whether a new version is out (a desk stays open all day). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export function UpdateBanner() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
    },
    // the new version has taken over (from this page or another tab): never reload by itself; this page
    // reloads on its own user's press only (below)
    onNeedReload() {},
  });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('update.ready')}</span>{' '}
      <button
        type="button"
        className="reload"
        onClick={async () => {
          // another tab took the new version already: nothing waits any more, this page just reloads (its
          // worker is the new one, whose cache no longer holds this page's old files)
          const registration = await navigator.serviceWorker.getRegistration();
          if (!registration?.waiting) {
            window.location.reload();
            return;
          }
          // once the new version controls the page (workbox-window's own 'controlling' says isUpdate only
          // when the page had a worker at its start, not in the session that installed the first one)
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
            once: true,
          });
          void updateServiceWorker(true);
        }}
      >
        {t('update.reload')}
      </button>
    </div>
  );
}
