// Issue 19, the border desk without a network, in Chromium with the network cut by the test
// (context.setOffline): encounters recorded offline wait in the outbox (IndexedDB) and are recorded once the
// network is back, each exactly once even when sent again after a lost answer; a refused one is shown with
// the server's reason, corrected and recorded; another user of the same browser sees none of the first
// user's unsent work, which is sent when the first user logs in again; personal data leaves the device once
// recorded. Prints the time from reconnect to all recorded for 50 waiting encounters. Synthetic persons only.
import { eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/store/accounts.ts';
import { encounters, places } from '../../src/store/schema.ts';
import { encounterBody, type Harness, PASSWORD } from '../api/harness.ts';
import { startWebApp, type WebApp } from './app.ts';
import { screenshot, tablet } from './browser.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';

let app: WebApp;
let h: Harness;

beforeAll(async () => {
  app = await startWebApp(START);
  h = app.h;
  // a second guard of the same state, for the same tablet
  await addUser(
    h.store.db,
    { username: 'second-guard.lt', password: PASSWORD, role: 'border-guard', jurisdiction: 'LT' },
    h.clock.now(),
    'test',
  );
});

afterAll(async () => {
  await app?.close();
});

interface StoredItem {
  id: string;
  owner: string;
  seq: number;
  state: string;
  capturedAt: string;
  idempotencyKey: string;
  body?: { ref: string; persons: unknown[] };
  draft?: unknown;
  summary: { ref: string; asylumSeekers: number };
  result?: { caseIds: string[]; replayed: boolean; obligations: unknown[] };
  refusal?: { code: string };
}

// run in the page (written as text: the tests are type-checked without the browser's types)
const IDB_OPEN = `new Promise((resolve, reject) => {
  const open = indexedDB.open('pact-outbox');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => resolve(open.result);
})`;

/** Every item of the outbox in this browser, read straight from IndexedDB (every owner's). */
function readOutbox(page: Page): Promise<StoredItem[]> {
  return page.evaluate<StoredItem[]>(`${IDB_OPEN}.then((db) => new Promise((resolve, reject) => {
    const all = db.transaction('items').objectStore('items').getAll();
    all.onsuccess = () => { db.close(); resolve(all.result); };
    all.onerror = () => reject(all.error);
  }))`);
}

/** Writes items into IndexedDB as they are given (a test's way to put back what was sent). */
function writeOutbox(page: Page, items: readonly unknown[]): Promise<void> {
  return page.evaluate<void>(`${IDB_OPEN}.then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction('items', 'readwrite');
    for (const i of ${JSON.stringify(items)}) tx.objectStore('items').put(i);
    tx.oncomplete = () => { db.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  }))`);
}

/** The browser's 'online' event, as when the network comes back: the page sends what waits. */
const onlineAgain = (page: Page) => page.evaluate<void>(`dispatchEvent(new Event('online'))`);

/** Records one encounter of one person at the desk (nationality IQ), with a given reference. */
async function recordOne(page: Page, ref: string, asylum = false): Promise<void> {
  await page.getByLabel('Nationality of person 1').fill('IQ');
  if (asylum) await page.getByLabel('Person 1 asks for asylum').check();
  await page.getByLabel('Reference').fill(ref);
  await page.getByRole('button', { name: 'Record encounter' }).click();
  // the form is cleared for the next group at once (a new reference filled in)
  await expect.poll(() => page.getByLabel('Reference').inputValue()).not.toBe(ref);
}

/** Until the service worker controls the page: from then on a reload opens the application offline. */
async function controlled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), { timeout: 30_000 })
    .toBe(true);
}

const rowOf = (page: Page, ref: string) => page.locator('table.outbox tbody tr', { hasText: ref });
const countOf = async (refs: readonly string[]) =>
  (await h.store.db.select({ ref: encounters.ref }).from(encounters).where(inArray(encounters.ref, refs)))
    .length;

async function logInOn(page: Page, username: string): Promise<void> {
  await page.goto(app.base);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('link', { name: username }).waitFor();
}

async function logOut(page: Page, anyway: boolean): Promise<void> {
  await page.getByRole('link', { name: /\.lt$/ }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  if (anyway) await page.getByRole('button', { name: 'Log out anyway' }).click();
  await page.locator('input[name="username"]').waitFor();
}

describe('the border desk without a network', () => {
  it('records three encounters offline, sends them on reconnect, each exactly once, again after lost answers', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await controlled(page);
    await page.context().setOffline(true);
    const refs = ['OFF-A-1', 'OFF-A-2', 'OFF-A-3'];
    for (const [i, ref] of refs.entries()) await recordOne(page, ref, i === 0);
    await page
      .getByRole('status')
      .getByText('Kept on this device — will be sent when the network is back.')
      .waitFor();
    for (const ref of refs)
      await expect.poll(() => rowOf(page, ref).getAttribute('data-state')).toBe('waiting');
    await expect(page.getByRole('navigation').getByText('3 waiting').isVisible()).resolves.toBe(true);
    await screenshot(page, 'offline-desk-waiting');
    // the bodies as captured, with their keys: to send them again below, as after lost answers
    const captured = (await readOutbox(page))
      .filter((i) => refs.includes(i.summary.ref))
      .sort((a, b) => a.seq - b.seq);
    expect(captured.map((i) => i.body?.ref)).toEqual(refs);
    expect(captured.map((i) => i.seq)).toEqual([1, 2, 3]);

    // a reload with no network: the application opens from the service worker, the three are still waiting
    await page.reload();
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByText('Offline — your work is kept on this device').waitFor();
    for (const ref of refs)
      await expect.poll(() => rowOf(page, ref).getAttribute('data-state')).toBe('waiting');
    await screenshot(page, 'offline-desk-reloaded-offline');

    expect(await countOf(refs)).toBe(0);
    await page.context().setOffline(false);
    for (const ref of refs)
      await expect
        .poll(() => rowOf(page, ref).getAttribute('data-state'), { timeout: 15_000 })
        .toBe('recorded');
    await screenshot(page, 'offline-desk-recorded');
    expect(await countOf(refs)).toBe(3);
    // case links and the first deadline: Eurodac, 72 hours from the apprehension (Reg. (EU) 2024/1358):
    // Wednesday 9 Dec, 10:00 + 72 h = Saturday 12 Dec, 10:00 (Vilnius)
    await expect(rowOf(page, 'OFF-A-1').getByRole('link', { name: 'case 1' }).count()).resolves.toBe(1);
    await expect(rowOf(page, 'OFF-A-1').getByText('Eurodac due by 12 Dec, 10:00').count()).resolves.toBe(1);

    // personal data left the device: no body, no form, no nationality; the summary and the answer stay
    const stored = (await readOutbox(page)).filter((i) => refs.includes(i.summary.ref));
    for (const item of stored) {
      expect(item.state).toBe('recorded');
      expect(item.body).toBeUndefined();
      expect(item.draft).toBeUndefined();
      expect(JSON.stringify(item)).not.toMatch(/nationality|"IQ"|persons/);
      expect(item.result?.caseIds).toHaveLength(1);
    }
    expect(stored.find((i) => i.summary.ref === 'OFF-A-1')?.summary.asylumSeekers).toBe(1);

    // lost answers: the same items sent again with their keys and bodies — the server replays, records nothing
    await writeOutbox(
      page,
      captured.map((i) => ({ ...i, state: 'waiting' })),
    );
    await onlineAgain(page);
    await expect
      .poll(async () => (await readOutbox(page)).filter((i) => i.result?.replayed === true).length, {
        timeout: 15_000,
      })
      .toBe(3);
    expect(await countOf(refs)).toBe(3);
    for (const item of await readOutbox(page)) expect(item.body).toBeUndefined();

    // an answer lost on the way back: the request reaches the server, the browser sees a network failure
    let lost = 0;
    await page.context().route('**/api/encounters', async (route) => {
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('failed');
    });
    await recordOne(page, 'OFF-A-4');
    await expect.poll(() => lost).toBe(1);
    expect(await countOf(['OFF-A-4'])).toBe(1);
    // sent again on the next trigger (the timer, or the network coming back): replayed, recorded once
    await onlineAgain(page);
    await expect
      .poll(() => rowOf(page, 'OFF-A-4').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('recorded');
    expect(await countOf(['OFF-A-4'])).toBe(1);
    const four = (await readOutbox(page)).find((i) => i.summary.ref === 'OFF-A-4');
    expect(four?.result?.replayed).toBe(true);
    await page.context().unroute('**/api/encounters');
    await page.context().close();
  });

  it('a refused item is shown with the reason, corrected and recorded', async () => {
    // a reference already recorded in LT: refused today with duplicate-reference
    const taken = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'offline-desk-taken-1' },
      payload: encounterBody('LT', 'OFF-B-TAKEN'),
    });
    expect(taken.statusCode).toBe(201);
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();

    // a place withdrawn while the tablet was offline: refused (place-closed), another place chosen, recorded
    await page.getByLabel('Place').selectOption('LT-BCP-SALCININKAI');
    await page.context().setOffline(true);
    await recordOne(page, 'OFF-B-PLACE');
    await expect.poll(() => rowOf(page, 'OFF-B-PLACE').getAttribute('data-state')).toBe('waiting');
    await h.store.db.update(places).set({ open: false }).where(eq(places.id, 'LT-BCP-SALCININKAI'));
    await page.context().setOffline(false);
    await expect
      .poll(() => rowOf(page, 'OFF-B-PLACE').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('refused');
    await rowOf(page, 'OFF-B-PLACE')
      .getByText(/withdrawn/)
      .waitFor();
    await screenshot(page, 'offline-desk-refused-place');
    expect((await readOutbox(page)).find((i) => i.summary.ref === 'OFF-B-PLACE')?.refusal?.code).toBe(
      'place-closed',
    );
    await rowOf(page, 'OFF-B-PLACE').getByRole('button', { name: 'Correct and resend' }).click();
    await page.getByLabel('Place').selectOption('LT-BCP-MEDININKAI');
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await expect
      .poll(() => rowOf(page, 'OFF-B-PLACE').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('recorded');
    const [atPlace] = await h.store.db
      .select({ placeId: encounters.placeId })
      .from(encounters)
      .where(eq(encounters.ref, 'OFF-B-PLACE'));
    expect(atPlace?.placeId).toBe('LT-BCP-MEDININKAI');

    // a reference recorded meanwhile by another post: refused (duplicate-reference), corrected, recorded
    await page.context().setOffline(true);
    await recordOne(page, 'OFF-B-TAKEN');
    await expect.poll(() => rowOf(page, 'OFF-B-TAKEN').getAttribute('data-state')).toBe('waiting');
    await page.context().setOffline(false);
    await expect
      .poll(() => rowOf(page, 'OFF-B-TAKEN').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('refused');
    const row = rowOf(page, 'OFF-B-TAKEN');
    await row
      .getByText(
        'An encounter with the reference OFF-B-TAKEN is already recorded in LT: give another reference.',
      )
      .waitFor();
    await screenshot(page, 'offline-desk-refused');
    const before = (await readOutbox(page)).find((i) => i.summary.ref === 'OFF-B-TAKEN');
    expect(before?.refusal?.code).toBe('duplicate-reference');

    // a group half typed in the form is not overwritten without asking
    await page.getByLabel('Nationality of person 1').fill('SY');
    await row.getByRole('button', { name: 'Correct and resend' }).click();
    await page.getByRole('button', { name: 'Keep typing' }).click();
    expect(await page.getByLabel('Nationality of person 1').inputValue()).toBe('SY');
    await row.getByRole('button', { name: 'Correct and resend' }).click();
    await page.getByRole('button', { name: 'Replace it' }).click();
    expect(await page.getByLabel('Nationality of person 1').inputValue()).toBe('IQ');
    expect(await page.getByLabel('Reference').inputValue()).toBe('OFF-B-TAKEN');
    await page.getByLabel('Reference').fill('OFF-B-FIXED');
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await expect
      .poll(() => rowOf(page, 'OFF-B-FIXED').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('recorded');
    const after = (await readOutbox(page)).find((i) => i.id === before?.id);
    // the same item: its capture time kept, a new key for the new body
    expect(after?.summary.ref).toBe('OFF-B-FIXED');
    expect(after?.capturedAt).toBe(before?.capturedAt);
    expect(after?.idempotencyKey).not.toBe(before?.idempotencyKey);
    expect(await countOf(['OFF-B-FIXED'])).toBe(1);
    expect(await rowOf(page, 'OFF-B-TAKEN').count()).toBe(0);

    // a refused item is discarded only after an explicit confirmation
    await page.context().setOffline(true);
    await recordOne(page, 'OFF-B-TAKEN');
    await page.context().setOffline(false);
    await expect
      .poll(() => rowOf(page, 'OFF-B-TAKEN').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('refused');
    await rowOf(page, 'OFF-B-TAKEN').getByRole('button', { name: 'Discard' }).click();
    await screenshot(page, 'offline-desk-discard-question');
    await rowOf(page, 'OFF-B-TAKEN').getByRole('button', { name: 'Keep it' }).click();
    expect(await rowOf(page, 'OFF-B-TAKEN').count()).toBe(1);
    await rowOf(page, 'OFF-B-TAKEN').getByRole('button', { name: 'Discard' }).click();
    await rowOf(page, 'OFF-B-TAKEN').getByRole('button', { name: 'Discard it' }).click();
    await expect.poll(() => rowOf(page, 'OFF-B-TAKEN').count()).toBe(0);
    await page.context().close();
  });

  it('a person already in an open case: refused with the case named, confirmed as the same person, recorded', async () => {
    // another post recorded this synthetic person with passport SY T0000777 (an open case of LT)
    const other = await h.inject({
      method: 'POST',
      url: '/api/encounters',
      headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'offline-desk-known-1' },
      payload: {
        ...encounterBody('LT', 'OFF-D-OTHER-POST'),
        groupSize: 1,
        persons: [
          {
            nationality: 'SY',
            sex: 'male',
            birthYear: 1990,
            identity: {
              givenNames: 'Synthetic',
              familyName: 'Knownperson',
              documents: [{ type: 'passport', number: 'T0000777', issuingCountry: 'SY' }],
            },
          },
        ],
      },
    });
    expect(other.statusCode).toBe(201);
    const [knownCase] = (other.json() as { caseIds: string[] }).caseIds;
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByLabel('Nationality of person 1').fill('SY');
    await page.getByRole('button', { name: 'Identity of person 1 (optional)' }).click();
    await page.getByLabel('Family name of person 1', { exact: true }).fill('Knownperson');
    await page.getByLabel('Document type of person 1', { exact: true }).selectOption('passport');
    // typed with a space and in lower case: the same document once normalised
    await page.getByLabel('Document number of person 1', { exact: true }).fill('t0000 777');
    await page.getByLabel('Issuing country of the document of person 1', { exact: true }).fill('SY');
    await page.getByLabel('Reference').fill('OFF-D-SAME');
    await page.getByRole('button', { name: 'Record encounter' }).click();
    // refused within a moment: the form keeps what was typed and offers the confirmation
    const confirm = page.getByLabel(`Person 1 is the person of the open case ${knownCase}`);
    await confirm.waitFor();
    await page
      .getByText(/Document number of person 1: a person with this document is already in the open case/)
      .first()
      .waitFor();
    await screenshot(page, 'offline-desk-same-person');
    expect(await countOf(['OFF-D-SAME'])).toBe(0);
    await confirm.check();
    await page.getByRole('button', { name: 'Record encounter' }).click();
    await expect
      .poll(() => rowOf(page, 'OFF-D-SAME').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('recorded');
    expect(await countOf(['OFF-D-SAME'])).toBe(1);
    await page.context().close();
  });

  it('a logout with no network is not undone when the network comes back: the session ends on the server too', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await controlled(page);
    await page.context().setOffline(true);
    await logOut(page, false);
    await page.context().setOffline(false);
    await onlineAgain(page);
    // the logout kept on the device is sent once the server can be reached: the session cookie the browser
    // still holds no longer opens anything, a reload shows the login
    await expect
      .poll(() => page.evaluate<string | null>(`localStorage.getItem('pact.logoutPending')`), {
        timeout: 15_000,
      })
      .toBeNull();
    await page.reload();
    await page.locator('input[name="username"]').waitFor();
    expect(await page.getByRole('heading', { name: 'Record an encounter' }).count()).toBe(0);
    const me = await page.evaluate<number>(`fetch('/api/auth/me').then((r) => r.status)`);
    expect(me).toBe(401);
    await page.context().close();
  });

  it('a tablet whose clock is 63 minutes slow: the desk says so (the time of each encounter is taken from it)', async () => {
    // the browser's clock 63 minutes behind the server's (the harness's clock); the server allows 5 minutes
    // (ENTRY_RULES.futureToleranceMinutes)
    const context = await tablet(app.browser, new Date(h.clock.now().getTime() - 63 * 60_000));
    const page = await context.newPage();
    await logInOn(page, 'border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This tablet’s clock is 63 minute(s) behind the server’s.' })
      .waitFor();
    await screenshot(page, 'offline-desk-clock-slow');
    await context.close();
    // a tablet on time (the other tests): no such line
    const onTime = await app.loginAs('border-guard.lt');
    await onTime.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    expect(await onTime.getByText(/This tablet’s clock is/).count()).toBe(0);
    await onTime.context().close();
  });

  it('another user on the same browser sees none of the first user’s unsent items; they are sent at the first user’s next login', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    // the server cannot be reached for encounters (the rest of the application can): the items wait (routed
    // for the whole browser: once the service worker controls the page, its requests pass through it)
    await page.context().route('**/api/encounters', (route) => route.abort('internetdisconnected'));
    const refs = ['OFF-C-1', 'OFF-C-2'];
    for (const ref of refs) await recordOne(page, ref);
    for (const ref of refs)
      await expect.poll(() => rowOf(page, ref).getAttribute('data-state')).toBe('waiting');
    await page.getByRole('link', { name: 'border-guard.lt' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page
      .getByText(
        '2 encounter(s) are not sent yet. They stay on this device and are sent when you log in again.',
      )
      .waitFor();
    await screenshot(page, 'offline-desk-logout-warning');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log out anyway' }).click();
    await page.locator('input[name="username"]').waitFor();
    await page.context().unroute('**/api/encounters');

    await logInOn(page, 'second-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.getByRole('heading', { name: 'Today’s encounters' }).waitFor();
    for (const ref of refs) expect(await page.getByText(ref).count()).toBe(0);
    expect(
      await page
        .getByRole('navigation')
        .getByText(/waiting/)
        .count(),
    ).toBe(0);
    await screenshot(page, 'offline-desk-other-user');
    // nor does the second user's session send them: they are still on the device, waiting, the server has none
    await page.waitForTimeout(1_500);
    const kept = (await readOutbox(page)).filter((i) => refs.includes(i.summary.ref));
    expect(kept.map((i) => [i.owner, i.state])).toEqual([
      ['LT:border-guard.lt', 'waiting'],
      ['LT:border-guard.lt', 'waiting'],
    ]);
    expect(await countOf(refs)).toBe(0);
    await logOut(page, false);

    await logInOn(page, 'border-guard.lt');
    for (const ref of refs)
      await expect
        .poll(() => rowOf(page, ref).getAttribute('data-state'), { timeout: 15_000 })
        .toBe('recorded');
    expect(await countOf(refs)).toBe(2);
    const recordedBy = await h.store.db
      .select({ by: encounters.recordedBy })
      .from(encounters)
      .where(eq(encounters.ref, 'OFF-C-1'));
    expect(recordedBy).toEqual([{ by: 'border-guard.lt' }]);
    await page.context().close();
  });

  it('figure: 50 waiting encounters, recorded after reconnect', async () => {
    const page = await app.loginAs('border-guard.lt');
    await page.getByRole('heading', { name: 'Record an encounter' }).waitFor();
    await page.context().setOffline(true);
    const at = new Date(h.clock.now().getTime() - 60 * 60_000).toISOString();
    const refs = Array.from({ length: 50 }, (_, i) => `OFF-D-${i + 1}`);
    // 50 items as the desk keeps them (written directly: the figure is about sending, not typing)
    await writeOutbox(
      page,
      refs.map((ref, i) => {
        const body = { ...encounterBody('LT', ref, 2), occurredAt: at };
        return {
          id: `figure-${i + 1}`,
          owner: 'LT:border-guard.lt',
          seq: 1000 + i,
          capturedAt: at,
          idempotencyKey: `figure-key-${i + 1}-0123456789`,
          state: 'waiting',
          attempts: 0,
          body,
          summary: {
            ref,
            occurredAt: at,
            kind: body.kind,
            groupSize: 3,
            identified: 2,
            asylumSeekers: 1,
            unaccompaniedMinors: 0,
          },
        };
      }),
    );
    const start = performance.now();
    await page.context().setOffline(false);
    await expect
      .poll(
        async () =>
          (await readOutbox(page)).filter((i) => refs.includes(i.summary.ref) && i.state === 'recorded')
            .length,
        {
          timeout: 60_000,
          interval: 50,
        },
      )
      .toBe(50);
    const ms = Math.round(performance.now() - start);
    console.log(`offline: 50 waiting encounters recorded in ${ms} ms after reconnect`);
    expect(await countOf(refs)).toBe(50);
    // in the order of capture: the server's encounters were created in seq order
    const created = await h.store.db
      .select({ ref: encounters.ref, at: encounters.createdAt })
      .from(encounters)
      .where(inArray(encounters.ref, refs));
    const order = [...created].sort((a, b) => a.at.getTime() - b.at.getTime()).map((c) => c.ref);
    expect(order).toEqual(refs);
    // for comparison: the same 50 sent one by one straight to the server (no browser, no IndexedDB)
    const direct = performance.now();
    for (const [i, ref] of refs.entries()) {
      const res = await h.inject({
        method: 'POST',
        url: '/api/encounters',
        headers: {
          ...h.account('border-guard', 'LT').headers,
          'idempotency-key': `figure-direct-${i + 1}-0123`,
        },
        payload: { ...encounterBody('LT', `${ref}-DIRECT`, 2), occurredAt: at },
      });
      expect(res.statusCode).toBe(201);
    }
    console.log(
      `offline: the server alone records the same 50 one by one in ${Math.round(performance.now() - direct)} ms`,
    );
    await page.context().close();
  });
});
