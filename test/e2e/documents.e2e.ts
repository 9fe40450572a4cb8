// Papers on the case page (issue 18): a case officer opens a registered case, the Print menu lists the
// document certifying applicant status (APR Art. 29) with its languages — the person's own first, marked as
// English text with a notice in the language — issues it in Lithuanian, handed over in person at once; the
// issued list shows it with its notification, and "Print again" gives the bytes whose SHA-256 the list shows.
// A second copy's notification is first refused in the catalogue's words (a time before the case's last
// action), then recorded. Every control of the menu is at least 44 px high on a 768 px wide tablet; a monitor
// sees the list but no menu. The case page printed (print media; and Chromium's own A4 PDF of it, drawn to
// PNG) has no navigation, buttons or forms, and has the case id and the time of printing at the top.
// Synthetic person only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterBody } from '../api/harness.ts';
import { pdfPng, pdfText } from '../documents/pdf.ts';
import { check, expectText, startWebApp, type WebApp } from './app.ts';
import { SCREENSHOTS, screenshot } from './browser.ts';

// Wednesday 9 December 2026, 10:00 in Vilnius (UTC+2)
const START = '2026-12-09T08:00:00Z';
const APPLICANT = 'Document certifying applicant status';

let app: WebApp;
let caseId = '';

beforeAll(async () => {
  app = await startWebApp(START);
  const { h } = app;
  const r = await h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...h.account('border-guard', 'LT').headers, 'idempotency-key': 'documents-e2e-1' },
    payload: encounterBody('LT', 'DOCS-E2E-1', 1),
  });
  expect(r.statusCode, r.body).toBe(201);
  caseId = r.json().caseIds[0];
  // the person's names and languages (Arabic, Russian), then screening and registration, as in
  // test/api/documents.test.ts: all before the clock's 10:00 in Vilnius
  const steps = [
    {
      type: 'identity.recorded',
      at: '2026-12-09T09:20:00+02:00',
      identity: { familyName: 'Testfamily', givenNames: 'Ana', languages: ['ar', 'ru'] },
    },
    { type: 'screening.completed', at: '2026-12-09T09:30:00+02:00', outcome: 'asylum' },
    { type: 'application.registered', at: '2026-12-09T09:45:00+02:00' },
  ];
  for (const [i, command] of steps.entries()) {
    const v = (
      await h.inject({ url: `/api/cases/${caseId}`, headers: h.account('case-officer', 'LT').headers })
    ).json().case.version;
    const res = await h.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: {
        ...h.account('screening-officer', 'LT').headers,
        'idempotency-key': `documents-e2e-step-${i}`,
      },
      payload: { expectedVersion: v, command },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 120_000);
afterAll(async () => app?.close());

describe('papers on the case page', () => {
  it('issues the applicant document in Lithuanian, handed over; prints it again with the SHA-256 shown; prints the case', async () => {
    const page = await app.loginAs('case-officer.lt');
    // what the tabs the page opens show: headless Chromium has no PDF viewer, so a PDF arrives as a download
    const opened: string[] = [];
    page.context().on('page', (p) => p.on('download', (d) => opened.push(d.url())));
    const openedUrls = () => [
      ...opened,
      ...page
        .context()
        .pages()
        .map((p) => p.url()),
    ];
    const issuedPdf = new RegExp(`/api/cases/${caseId}/documents/issued/[0-9a-f-]{36}$`);
    await page.goto(`${app.base}/cases/${caseId}`);
    const menu = page.locator('section.print-menu');
    await menu.getByRole('heading', { name: 'Print' }).waitFor();
    await menu.getByText(APPLICANT).waitFor();
    await expect.poll(() => menu.innerText()).toContain('Regulation (EU) 2024/1348 (APR) Art. 29');
    await page.getByText('No document has been issued on this case.').waitFor();

    // the applicant document's entry (the information on rights is offered too, with its own chooser)
    const item = menu.locator('li.print-kind', { hasText: APPLICANT });
    // the chooser: the person's languages first, each marked as English with a notice; then English, Lithuanian
    const chooser = item.getByLabel('Language of the document');
    const options = await chooser.locator('option').allInnerTexts();
    expect(options.slice(0, 4)).toEqual([
      "Arabic: English text with a notice in Arabic — the person's language",
      "Russian: English text with a notice in Russian — the person's language",
      'English',
      'Lithuanian',
    ]);
    // a document the person must understand is offered first in the first of their languages
    expect(await chooser.inputValue()).toBe('ar');
    await check(page, 'documents-print-menu');

    // Lithuanian, handed over in person now, in Lithuanian
    await chooser.selectOption('lt');
    await item.getByLabel('Handed over now').check();
    await item.getByLabel('How it reached the person').selectOption('in-person');
    expect(await item.getByLabel('Language it was given or read out in').inputValue()).toBe('lt');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      menu.getByRole('button', { name: `Issue and print ${APPLICANT}` }).click(),
    ]);
    // the issued PDF opens for printing in the tab opened on the click, at the answer's Location
    await expectText(page, `${APPLICANT} issued in Lithuanian`);
    await expect.poll(() => openedUrls().filter((u) => issuedPdf.test(u)).length).toBe(1);
    await popup.close();
    await menu.getByText(/Handed over 9 Dec, 10:\d\d\./).waitFor();

    // the issued list: the document, its language, its notification, its SHA-256
    const list = page.locator('section.issued-documents');
    const row = list.locator('tr.issued-document');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(APPLICANT);
    expect(cells[1]).toBe('Lithuanian');
    expect(cells[2]).toMatch(/^9 Dec, 10:\d\d\nby case-officer\.lt$/);
    expect(cells[4]).toMatch(/^9 Dec, 10:\d\d, handed over in person$/);
    const sha = await row.locator('code.sha').getAttribute('title');
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(cells[3]).toBe(`${sha?.slice(0, 12)}…`);
    // the timeline says which document, in which language, and how it was handed over
    await page.locator('.timeline').getByText(`${APPLICANT}, in Lithuanian`).waitFor();
    await page.locator('.timeline').getByText(`${APPLICANT}: handed over in person, in Lithuanian`).waitFor();
    await check(page, 'documents-issued');

    // "Print again": the same bytes, whose SHA-256 is the one shown (fetched as the browser gets them)
    const href = await row.getByRole('link', { name: /^Print again/ }).getAttribute('href');
    const got = await page.evaluate(async (url) => {
      const res = await fetch(url, { credentials: 'same-origin' });
      const bytes = await res.arrayBuffer();
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      return {
        type: res.headers.get('content-type'),
        head: new TextDecoder().decode(bytes.slice(0, 5)),
        sha: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
      };
    }, href as string);
    expect(got).toEqual({ type: 'application/pdf', head: '%PDF-', sha });
    // and the case has the facts: issued in Lithuanian (asked for Lithuanian), notified in person in Lithuanian
    const docs = (
      await app.h.inject({
        url: `/api/cases/${caseId}/documents`,
        headers: app.h.account('case-officer', 'LT').headers,
      })
    ).json();
    expect(docs.issued).toEqual([
      expect.objectContaining({
        kind: 'applicant-document',
        language: 'lt',
        requestedLanguage: 'lt',
        sha256: sha,
        by: 'case-officer.lt',
        means: 'in-person',
        notifiedAt: expect.any(String),
      }),
    ]);

    // a second copy, in Arabic (English text with the Arabic notice), not handed over yet
    await chooser.selectOption('ar');
    const [popup2] = await Promise.all([
      page.waitForEvent('popup'),
      menu.getByRole('button', { name: `Issue and print ${APPLICANT}` }).click(),
    ]);
    await expectText(page, 'Arabic was asked for: the text is English, with a notice in Arabic.');
    await popup2.close();
    await expect.poll(() => row.count()).toBe(2);
    const second = row.nth(1);
    expect(await second.locator('td').nth(1).innerText()).toBe(
      'English\nasked for: Arabic (English text with a notice)',
    );
    // its notification at a time before the case's last action is refused, in the catalogue's words
    await second.getByRole('button', { name: 'Record the notification' }).click();
    const form = list.getByRole('form', { name: `Record how ${APPLICANT} reached the person` });
    await form.getByLabel('How it reached the person').selectOption('read-out-with-interpreter');
    expect(await form.getByLabel('Language it was given or read out in').inputValue()).toBe('ar');
    await form.getByLabel(/^When \(time in Europe\/Vilnius/).fill('2026-12-09T09:00');
    await form.getByRole('button', { name: 'Record' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(
      /^1 field\(s\) need attention[\s\S]*When \(time in Europe\/Vilnius\): is before the last action of the case \(9 Dec, 10:\d\d\)/,
    );
    await check(page, 'documents-notification-refused');
    await form.getByLabel(/^When/).fill('');
    await form.getByRole('button', { name: 'Record' }).click();
    await list.getByText(/^Notification recorded/).waitFor();
    await expect
      .poll(() => second.locator('td').nth(4).innerText())
      .toMatch(/^9 Dec, 10:\d\d, read out with an interpreter$/);

    // a tablet held upright: every control of the menu and the list is at least 44 px high
    await page.setViewportSize({ width: 768, height: 1024 });
    const heights = await page
      .locator(
        'section.print-menu :is(button, select, a.button, label.inline), section.issued-documents :is(button, a.button)',
      )
      .evaluateAll((els) =>
        els.map((e) => [e.textContent?.trim().slice(0, 30), e.getBoundingClientRect().height] as const),
      );
    expect(heights.length).toBeGreaterThan(4);
    expect(heights.filter(([, hgt]) => hgt < 44)).toEqual([]);
    await check(page, 'documents-768');

    // the case page on paper: no navigation, no buttons, no forms, no menus; the case id and print time on top
    await page.setViewportSize({ width: 1180, height: 820 });
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
    expect(await shown('header nav')).toBe(0);
    expect(await shown('.case-page button')).toBe(0);
    expect(await shown('.case-page select')).toBe(0);
    expect(await shown('.case-page form')).toBe(0);
    expect(await shown('section.print-menu')).toBe(0);
    expect(await shown('section.issued-documents')).toBe(1);
    const header = page.locator('.print-header');
    expect(await header.innerText()).toMatch(
      new RegExp(`^Case ${caseId} · printed 9 December 2026 at 10:\\d\\d \\(Europe/Vilnius\\)$`),
    );
    // black on white
    expect(
      await page.locator('.case-page h1').evaluate((e) => {
        // the page's own functions (the test project has no DOM types)
        const w = globalThis as unknown as {
          getComputedStyle(e: unknown): { color: string; backgroundColor: string };
          document: { body: unknown };
        };
        return [w.getComputedStyle(e).color, w.getComputedStyle(w.document.body).backgroundColor];
      }),
    ).toEqual(['rgb(0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    await screenshot(page, 'documents-case-printed');

    // Chromium's own print of the page (A4, the stylesheet's @page), drawn back to PNG to be looked at
    const printed = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'documents-case-printed.pdf'), printed);
    // pdf.js returns ligatures and glyph runs as it finds them ("Noti fi cation"): compared without spaces
    const squash = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
    const text = squash(await pdfText(printed));
    expect(text).toContain(squash(`Case ${caseId} · printed 9 December 2026`));
    // the SHA-256 in full on paper, to check a copy by
    expect(text).toContain(sha);
    for (const kept of ['Timeline', 'Deadlines', "The person's guarantees", 'Issued documents', APPLICANT])
      expect(text).toContain(squash(kept));
    for (const left of [
      'Issue and print',
      'Print again',
      'Next actions',
      'Record the notification',
      'Search',
    ])
      expect(text).not.toContain(squash(left));
    await pdfPng(printed, 'case-page-printed-1', 1);
    await pdfPng(printed, 'case-page-printed-2', 2);
  }, 180_000);

  it('a monitor sees the issued documents but no Print menu and no notification form', async () => {
    const page = await app.loginAs('monitor.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.locator('section.issued-documents tr.issued-document').first().waitFor();
    expect(await page.locator('section.print-menu').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record the notification' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Print again/ }).count()).toBe(2);
  }, 60_000);
});
