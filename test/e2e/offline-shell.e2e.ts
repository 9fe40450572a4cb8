// Issue 19: the installable application's shell, in Chromium. A border guard uses the desk online; the
// service worker then holds the build and the places, and nothing else of the API (the Cache Storage is
// listed); with the network cut (context.setOffline) a reload opens the desk with its places and the
// offline status, which goes away when the network comes back. A new version of the service worker waits
// and is announced; the page reloads only when the user presses Reload. Prints the size of what the
// service worker keeps. Synthetic data only (places of the shipped list, no person).
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_ROOT } from '../../src/api/web.ts';
import { readPlaces, upsertPlaces } from '../../src/store/places.ts';
import { check, startWebApp, type WebApp } from './app.ts';
import { screenshot } from './browser.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';
const PLACE = 'Medininkai – Kamenny Log (road)';
const OFFLINE = 'Offline — your work is kept on this device';

let app: WebApp;
/** A copy of the build this server serves: the update test writes a new service worker into it. */
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pact-offline-'));
  cpSync(WEB_ROOT, root, { recursive: true });
  app = await startWebApp(START, { webRoot: root });
});

afterAll(async () => {
  await app?.close();
});

/** The browser globals the page functions below use (the tests' project has no DOM types). */
interface Web {
  navigator: {
    serviceWorker: {
      ready: Promise<unknown>;
      controller: { scriptURL: string } | null;
      getRegistration(): Promise<{ waiting: unknown; update(): Promise<unknown> } | undefined>;
    };
  };
  caches: {
    keys(): Promise<string[]>;
    open(name: string): Promise<{
      keys(): Promise<readonly { url: string }[]>;
      match(request: unknown): Promise<{ blob(): Promise<{ size: number }> } | undefined>;
    }>;
  };
}

/** Until the service worker is active and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const sw = (globalThis as unknown as Web).navigator.serviceWorker;
      await sw.ready;
      return sw.controller !== null;
    },
    undefined,
    { timeout: 20_000 },
  );
}

interface Entry {
  readonly cache: string;
  readonly url: string;
  readonly bytes: number;
}

/** Every entry of the page's Cache Storage, with the size of its body. */
function cacheEntries(page: Page): Promise<Entry[]> {
  return page.evaluate(async () => {
    const { caches } = globalThis as unknown as Web;
    const out: { cache: string; url: string; bytes: number }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        out.push({ cache: name, url: request.url, bytes: response ? (await response.blob()).size : 0 });
      }
    }
    return out;
  });
}

/** The files of the build (web/dist), as paths from / ("/index.html", "/assets/…"). */
function builtFiles(dir: string): Set<string> {
  const files = new Set<string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.add(`/${relative(dir, p).split('\\').join('/')}`);
    }
  };
  walk(dir);
  return files;
}

const placeOptions = (page: Page) => page.getByLabel('Place').locator('option').allInnerTexts();

describe('the desk opens with no network', () => {
  let page: Page;

  it('online: the service worker keeps the build and the places, and no other answer of the API', async () => {
    page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await controlled(page);
    // the guard's day online: the desk again (a navigation the worker answers), the account page
    await page.reload();
    await page.getByRole('option', { name: PLACE }).waitFor({ state: 'attached' });
    await page.getByRole('link', { name: 'border-guard.lt' }).click();
    await page
      .getByRole('heading', { name: /account/i })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Border desk' }).click();
    await page.getByRole('option', { name: PLACE }).waitFor({ state: 'attached' });

    const entries = await cacheEntries(page);
    const files = builtFiles(root);
    const origin = new URL(app.base).origin;
    for (const e of entries) {
      const url = new URL(e.url);
      expect(url.origin, e.url).toBe(origin);
      if (url.pathname.startsWith('/api/')) {
        // the one reference answer the desk reads: no person in it
        expect(url.pathname + url.search, e.cache).toBe('/api/places');
      } else expect(files.has(url.pathname), `${url.pathname} is a file of the build`).toBe(true);
    }
    const paths = entries.map((e) => new URL(e.url).pathname);
    expect(paths).toContain('/api/places');
    expect(paths).toContain('/index.html');
    expect(paths.some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);
    // never the logged-in user, a case, a person, an encounter
    expect(paths.filter((p) => p.startsWith('/api/') && p !== '/api/places')).toEqual([]);
    // every file of the build the worker was told about is kept, each once
    expect(new Set(paths).size).toBe(paths.length);
    const kb = entries.reduce((s, e) => s + e.bytes, 0) / 1024;
    console.log(`offline: service worker caches ${entries.length} files, ${kb.toFixed(0)} KB`);
  });

  it('offline: a reload opens the desk with its places and says the work is kept on this device', async () => {
    // a place added on the server while the tablet is offline: if the worker's own fetches still reached
    // the server (setOffline not applying to the service worker), the reloaded desk would list it
    const [first] = readPlaces('data/places-lt.csv');
    if (!first) throw new Error('no place');
    await page.context().setOffline(true);
    await upsertPlaces(
      app.h.store.db,
      [{ ...first, id: 'LT-TEST-OFFLINE', name: 'Added while the tablet was offline', borderSection: null }],
      'test',
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByRole('status').filter({ hasText: OFFLINE }).waitFor();
    await page.getByRole('option', { name: PLACE }).waitFor({ state: 'attached' });
    const offlinePlaces = await placeOptions(page);
    expect(offlinePlaces).toContain(PLACE);
    expect(offlinePlaces).not.toContain('Added while the tablet was offline');
    // the guard is still who was logged in
    await page.getByRole('link', { name: 'border-guard.lt' }).waitFor();
    await check(page, 'desk-offline');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'desk-offline-768');
    await page.setViewportSize({ width: 1180, height: 820 });
  });

  it('back online: the status goes away and the desk reads the places from the server again', async () => {
    await page.context().setOffline(false);
    await page.getByText(OFFLINE).waitFor({ state: 'detached' });
    await page.reload();
    await page
      .getByRole('option', { name: 'Added while the tablet was offline' })
      .waitFor({ state: 'attached' });
    expect(await page.getByText(OFFLINE).count()).toBe(0);
    await page.context().close();
  });
});

describe('a new version', () => {
  it('waits, is announced, and reloads the page only when the user presses Reload', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await controlled(page);
    const first = await page.evaluate(
      () => (globalThis as unknown as Web).navigator.serviceWorker.controller?.scriptURL,
    );
    // a half-typed form
    await page.getByLabel('Group size').fill('3');
    await page.getByLabel('Nationality of person 1').fill('IQ');
    // a new build is deployed: the worker's script differs by a byte
    const sw = join(root, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// a new version\n`);
    await page.evaluate(async () => {
      const r = await (globalThis as unknown as Web).navigator.serviceWorker.getRegistration();
      await r?.update();
    });
    await page.getByText('A new version of Pact is ready').waitFor({ timeout: 20_000 });
    // it waits: the page still runs the old one, and nothing reloaded what was typed
    const waiting = await page.evaluate(async () => {
      const r = await (globalThis as unknown as Web).navigator.serviceWorker.getRegistration();
      return {
        waiting: !!r?.waiting,
        controller: (globalThis as unknown as Web).navigator.serviceWorker.controller?.scriptURL,
      };
    });
    expect(waiting).toEqual({ waiting: true, controller: first });
    await page.waitForTimeout(2000);
    expect(await page.getByLabel('Group size').inputValue()).toBe('3');
    expect(await page.getByLabel('Nationality of person 1').inputValue()).toBe('IQ');
    await check(page, 'update-banner');
    // pressed: the new version takes over and the page reloads (the typed values are gone with it)
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    expect(await page.getByLabel('Group size').inputValue()).toBe('1');
    const after = await page.evaluate(async () => {
      const r = await (globalThis as unknown as Web).navigator.serviceWorker.getRegistration();
      return {
        waiting: !!r?.waiting,
        controller: !!(globalThis as unknown as Web).navigator.serviceWorker.controller,
      };
    });
    expect(after).toEqual({ waiting: false, controller: true });
    expect(await page.getByText('A new version of Pact is ready').count()).toBe(0);
    await page.context().close();
  });
});
