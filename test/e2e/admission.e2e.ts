// Humanitarian admission in Chromium (issue 22; Regulation (EU) 2024/1350): Lithuania's coordinator sets up
// "admit 2,000 from one camp" split among three pledging states, records one referred person's admission
// through to arrival (the file links to the case opened on arrival, and the programme's list of files keeps it); the programme's progress counts
// the arrival, a second referral's decision deadline is listed on the programme and the programmes page; the Union's screen
// shows pledges against admissions with the small count hidden; a role without the permission has no way in.
// Synthetic persons only (a made-up UNHCR-style reference, no name).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, expectText, startWebApp, type WebApp } from './app.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2): the Framework applies since 12 June 2026 (Art. 16(2))
const START = '2026-12-09T08:00:00Z';
const PROGRAMME = 'Admission from the Bruzgi camp';
const REFERRAL = 'E2E-UNHCR-0001';

let app: WebApp;
let base: string;

beforeAll(async () => {
  app = await startWebApp(START);
  ({ base } = app);
});

afterAll(async () => {
  await app?.close();
});

/** The text of the table row whose header is `name`, spaces squeezed. */
const rowText = async (page: Page, table: string, name: RegExp) => {
  const row = page
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
  return (await row.innerText()).replace(/\s+/g, ' ').trim();
};

/** Records the step chosen by its label on the admission file's page and waits for the file to move on. */
async function step(page: Page, label: string, fill?: () => Promise<void>) {
  const form = page.locator('section[aria-labelledby="file-next"] form');
  await form.getByLabel('Step', { exact: true }).selectOption({ label });
  await form.getByLabel('Date', { exact: true }).fill('2026-12-09');
  await fill?.();
  const before = await page
    .getByRole('table', { name: 'The steps recorded on this file' })
    .getByRole('row')
    .count();
  await form.getByRole('button').last().click();
  await expect
    .poll(async () => {
      const alert = page.getByRole('alert');
      if ((await alert.count()) > 0) throw new Error(`${label}: ${await alert.first().innerText()}`);
      return page.getByRole('table', { name: 'The steps recorded on this file' }).getByRole('row').count();
    })
    .toBeGreaterThan(before);
}

describe('admission programmes (issue 22)', () => {
  it('a coordinator sets up 2,000 from one camp among three states and records an admission to arrival', async () => {
    const page = await app.loginAs('solidarity-coordinator.lt');
    await page.locator('header nav').getByRole('link', { name: 'Admission' }).click();
    await page.getByRole('heading', { name: 'Admission programmes' }).waitFor();
    const form = page.locator('form[aria-labelledby="programme-new-title"]');

    // sent empty: every missing field named with its reason, and nothing set up
    await form.getByLabel('Name').fill('');
    await form.getByRole('button', { name: 'Set up the programme' }).click();
    const summary = form.getByRole('alert').first();
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Name: Required\./);
    expect(await summary.innerText()).toMatch(/Persons to admit: A whole number from 1 to 1,000,000\./);
    expect(await summary.innerText()).toMatch(/Persons pledged by pledge 1: A whole number/);
    await check(page, 'admission-form-errors');

    // 2,000 from the Bruzgi camp (Belarus), split by pledges of Lithuania 200, Poland 500 and Latvia 300 (1,000
    // in all): each state gets total × pledge / 1,000 — 2,000 × 200 / 1,000 = 400, 2,000 × 500 / 1,000 = 1,000,
    // 2,000 × 300 / 1,000 = 600 — whole numbers, no remainder, 400 + 1,000 + 600 = 2,000
    await form.getByLabel('Name').fill(PROGRAMME);
    await form.getByLabel('Type of admission').selectOption('humanitarian-admission');
    await form.getByLabel('Union Plan period starts').fill('2026-07-01');
    await form.getByLabel('Region, country or camp').fill('Bruzgi camp');
    await form.getByLabel('Third country (optional)').selectOption('BY');
    await form.getByLabel('Persons to admit').fill('2000');
    await form.getByLabel('by pledges').check();
    await form.getByLabel('Persons pledged by pledge 1').fill('200');
    for (const [n, state, persons] of [
      [2, 'PL', '500'],
      [3, 'LV', '300'],
    ] as const) {
      await form.getByRole('button', { name: 'Add a pledging state' }).click();
      await form.getByLabel(`Member state of pledge ${n}`).selectOption(state);
      await form.getByLabel(`Persons pledged by pledge ${n}`).fill(persons);
    }
    await expectText(page, 'Pledged in all: 1,000 of 2,000 persons.');
    await check(page, 'admission-form-filled');
    await form.getByRole('button', { name: 'Set up the programme' }).click();

    // the programme's page: the split per state, its total, the progress and the deadlines
    await page.getByRole('heading', { name: PROGRAMME }).waitFor();
    const split = 'The programme of 2,000 persons split among its pledging states';
    await page.getByRole('table', { name: split }).waitFor();
    expect(await rowText(page, split, /\(LT\)/)).toBe('Lithuania (LT) 200 400 400');
    expect(await rowText(page, split, /\(PL\)/)).toBe('Poland (PL) 500 1,000 1,000');
    expect(await rowText(page, split, /\(LV\)/)).toBe('Latvia (LV) 300 600 600');
    expect(await rowText(page, split, /^Total$/)).toBe('Total 1,000 2,000 2,000');
    // the split explained from the server's structured basis (2,000 × pledge ÷ 1,000), not its English trace
    await expectText(page, "Each state's exact quota is 2,000 × its pledge ÷ 1,000, the sum of the pledges.");
    expect(await page.locator('main').innerText()).not.toContain('apportion.ts');
    await check(page, 'admission-programme');

    // a referral: a synthetic person known by the referring organisation's reference only
    const refer = page.locator('section[aria-labelledby="programme-refer"] form');
    await refer.getByLabel("Referring organisation's reference").fill(REFERRAL);
    await refer.getByLabel('Referred on').fill('2026-12-09');
    await refer.getByLabel('Nationality').selectOption('SY');
    await refer.getByLabel('Procedure').selectOption('ordinary');
    await refer.getByRole('button', { name: 'Open the admission file' }).click();
    await page.getByRole('heading', { name: `Admission file ${REFERRAL}` }).waitFor();
    await check(page, 'admission-file-referred');

    // through its steps: registration, eligibility (Art. 5), the decision with reasons (Art. 9), the
    // pre-departure steps the server offers, departure, arrival
    await step(page, 'registered');
    await step(page, 'eligibility assessed', () => page.getByLabel('refugee (Art. 5(1)(a))').check());
    await step(page, 'decision on admission', async () => {
      await page.getByLabel('Admit', { exact: true }).check();
      await page.getByLabel('Status to be granted on arrival').selectOption('refugee-status');
      await page
        .getByLabel('Reasons (stated in writing)')
        .fill('Eligible under Art. 5(1)(a); no ground of Art. 6.');
    });
    await check(page, 'admission-file-decided');
    for (const pre of [
      'medical check',
      'travel document issued',
      'exit permit obtained',
      'pre-departure orientation',
    ]) {
      const offered = await page
        .getByLabel('Step', { exact: true })
        .locator('option', { hasText: pre })
        .count();
      if (offered > 0) await step(page, pre);
    }
    await step(page, 'departed');
    await step(page, 'arrival');
    // the arrival opens the person's case (docs/admission.md, "The case on arrival"): the file links to it
    await expectText(page, 'Arrived on 9 Dec 2026. The case was opened.');
    expect(await page.locator('dl').innerText()).toMatch(/arrived/);
    const toCase = page.getByRole('link', { name: 'Open the case of the arrived person' });
    expect(await toCase.count()).toBe(1);
    const caseHref = await toCase.getAttribute('href');
    expect(caseHref).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    await check(page, 'admission-file-arrived');

    // the programme's progress counts the arrival for Lithuania
    await page.getByRole('link', { name: 'Back to the programme' }).click();
    const progress = 'Persons referred and at each step, per state';
    await page.getByRole('table', { name: progress }).waitFor();
    // referred, registered, eligible, decided, admitted, refused, departed, arrived, withdrawn: the one file
    // passed every stage but refusal and withdrawal
    expect(await rowText(page, progress, /\(LT\)/)).toBe('Lithuania (LT) 1 1 1 1 1 0 1 1 0');
    expect(await rowText(page, progress, /\(PL\)/)).toBe('Poland (PL) 0 0 0 0 0 0 0 0 0');
    await check(page, 'admission-programme-progress');
    // the decided, arrived file stays in the programme's list of files, with links to the file and to its case
    const filesTable = "Your state's admission files of this programme, in the order of referral";
    const fileRow = page
      .getByRole('table', { name: filesTable })
      .getByRole('row')
      .filter({ hasText: REFERRAL });
    await fileRow.waitFor();
    expect((await fileRow.innerText()).replace(/\s+/g, ' ')).toMatch(/arrived — refugee status/);
    expect(await fileRow.getByRole('link', { name: REFERRAL, exact: true }).getAttribute('href')).toMatch(
      /^\/admission\/files\/[0-9a-f-]{36}$/,
    );
    expect(await fileRow.getByRole('link', { name: `Case of ${REFERRAL}` }).getAttribute('href')).toBe(
      caseHref,
    );
    await page.locator('section[aria-labelledby="programme-files"]').scrollIntoViewIfNeeded();
    await check(page, 'admission-programme-files');
    await expectText(page, 'No open decision deadline in your state.');

    // a second referral, registered: its decision deadline (Art. 9) is in the programme's list and in the list
    // across programmes, each linked to the file
    const second = 'E2E-UNHCR-0002';
    const refer2 = page.locator('section[aria-labelledby="programme-refer"] form');
    await refer2.getByLabel("Referring organisation's reference").fill(second);
    await refer2.getByLabel('Nationality').selectOption('IQ');
    await refer2.getByRole('button', { name: 'Open the admission file' }).click();
    await page.getByRole('heading', { name: `Admission file ${second}` }).waitFor();
    await step(page, 'registered');
    await page.getByRole('link', { name: 'Back to the programme' }).click();
    const deadlines = "Your state's files awaiting a decision, the soonest first";
    const row = page.getByRole('table', { name: deadlines }).getByRole('row').filter({ hasText: second });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(
      /ordinary \(Art\. 9\) 9 Dec 2026 .+ \d+ days left/,
    );
    await check(page, 'admission-programme-deadline');
    await page.getByRole('link', { name: 'All programmes' }).click();
    const across = page.getByRole('table', { name: deadlines }).getByRole('row').filter({ hasText: second });
    await across.waitFor();
    // the programmes' names come with the list of programmes, which may answer after the deadlines
    await across.getByRole('link', { name: PROGRAMME }).waitFor();
    expect(await across.getByRole('link', { name: PROGRAMME }).count()).toBe(1);
    await check(page, 'admission-list');
    await page.context().close();
  });

  it('in Lithuanian the programme page reads in Lithuanian and passes axe', async () => {
    const page = await app.loginAs('solidarity-coordinator.lt', { language: 'lt' });
    await page.goto(`${base}/admission`);
    await page.getByRole('heading', { name: 'Priėmimo programos' }).waitFor();
    await page.getByRole('link', { name: PROGRAMME }).first().click();
    await page.getByRole('heading', { name: 'Paskirstymas valstybėms' }).waitFor();
    // the split's explanation in Lithuanian, from the structured basis: no English, no source path
    // Lithuanian groups thousands with a (narrow) no-break space: 2 000
    await page
      .getByText(/^Tiksli kiekvienos valstybės kvota lygi 2\s000 × jos įsipareigojimas ÷ 1\s000 \(visų/)
      .waitFor();
    const lt = await page.locator('main').innerText();
    expect(lt).not.toContain('apportion.ts');
    expect(lt).not.toContain('largest-remainder');
    await check(page, 'admission-programme-lt');
    await page.context().close();
  });

  it("the Union's screen shows pledges against admissions, the single arrival hidden", async () => {
    const page = await app.loginAs('eu-solidarity-coordinator.eu');
    await page.goto(`${base}/union`);
    const panel = page.locator('section[aria-labelledby="union-admission"]');
    await panel.getByRole('heading', { name: 'Admission: pledges and admissions' }).waitFor();
    const table = 'Pledges against admissions per member state';
    await page.getByRole('table', { name: table }).waitFor();
    // Lithuania pledged 200 humanitarian admissions; 1 admitted and 1 arrived are below 5: hidden
    expect(await rowText(page, table, /\(LT\)/)).toBe('Lithuania (LT) 200 0 200 0 < 5 < 5 0');
    expect(await rowText(page, table, /\(PL\)/)).toMatch(/^Poland \(PL\) 500 0 500 0 0 0 0$/);
    await check(page, 'admission-union');
    await page.context().close();
  });

  it('a case officer has no Admission link, and the address leads home instead', async () => {
    const page = await app.loginAs('case-officer.lt');
    expect(await page.locator('header nav').getByRole('link', { name: 'Admission' }).count()).toBe(0);
    await page.goto(`${base}/admission`);
    await page.waitForURL(/\/queue/);
    expect(await page.getByRole('heading', { name: 'Admission programmes' }).count()).toBe(0);
    await page.context().close();
  });
});
