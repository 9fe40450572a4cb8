// The server side of the browser tests, shared by every e2e file: a harness (test/api/harness.ts) on a
// fresh embedded database with the Lithuanian places, listening on a port, and Chromium; helpers to log in
// through the login screen, to photograph and check a screen with axe-core, and to wait for a text.
// The production build is made once by test/setup/vite-build.ts. Synthetic persons only.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { type Harness, PASSWORD, startHarness, type TestClock } from '../api/harness.ts';
import { BACKENDS } from '../store/backends.ts';
import { launch, screenshot, seriousViolations, tablet } from './browser.ts';

/** A clock that flows like the real one, from a chosen start; `set` jumps (the browser's is moved too). */
export function flowingClock(start: string): TestClock {
  let offset = Date.parse(start) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set: (iso) => {
      offset = Date.parse(iso) - Date.now();
    },
  };
}

export interface WebApp {
  readonly h: Harness;
  readonly browser: Browser;
  /** the server's address, http://127.0.0.1:port */
  readonly base: string;
  /** Logs in through the login screen as `username` (the harness's password); lands on the role's home. */
  loginAs(username: string, options?: { language?: 'en' | 'lt' }): Promise<Page>;
  /** A page of a new browser with no session (the public, the login screen). */
  anonymous(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The application at `start` (a flowing clock), on the embedded database, with the shipped Lithuanian
 * places unless `places: false` (a fresh install).
 */
export async function startWebApp(
  start: string,
  // webRoot (issue 19): a copy of the build, which a test may change (a new version of the service worker)
  options: { places?: boolean; webRoot?: string } = {},
): Promise<WebApp> {
  const pglite = BACKENDS[0];
  if (!pglite) throw new Error('no backend');
  const h = await startHarness(pglite, {
    clock: flowingClock(start),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  if (options.places !== false) await upsertPlaces(h.store.db, readPlaces('data/places-lt.csv'), 'test');
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launch();
  const anonymous = async () => (await tablet(browser, h.clock.now())).newPage();
  return {
    h,
    browser,
    base,
    anonymous,
    async loginAs(username, { language } = {}) {
      const page = await anonymous();
      if (language)
        await page.addInitScript(
          (l) =>
            (
              globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
            ).localStorage.setItem('pact.lang', l),
          language,
        );
      await page.goto(base);
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('link', { name: username }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await h.close();
    },
  };
}

/** No serious or critical accessibility violation, and a screenshot of what the user sees. */
export async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** Waits for `text`; an error shown instead fails the test with the error's words. */
export async function expectText(page: Page, text: string): Promise<void> {
  const either = page.getByText(text).or(page.getByRole('alert'));
  await either.first().waitFor();
  const alert = page.getByRole('alert');
  if ((await page.getByText(text).count()) === 0 && (await alert.count()) > 0)
    throw new Error(`expected "${text}", the page shows: ${await alert.first().innerText()}`);
}
