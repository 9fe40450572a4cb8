// Photos and scans on the case page (issue #16): an officer uploads a PNG from the page, sees its thumbnail
// (made by the server), and downloads it as a file with the bytes uploaded; a page of HTML named .jpg is
// refused with the reason in words. Synthetic image, synthetic person.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encounterBody } from '../api/harness.ts';
import { check, startWebApp, type WebApp } from './app.ts';

const START = '2026-12-09T08:00:00Z';
let app: WebApp;
let caseId = '';
const dir = mkdtempSync(join(tmpdir(), 'pact-att-e2e-'));
const png = join(dir, 'document-photo.png');
const html = join(dir, 'photo.jpg');

beforeAll(async () => {
  app = await startWebApp(START);
  const r = await app.h.inject({
    method: 'POST',
    url: '/api/encounters',
    headers: { ...app.h.account('border-guard', 'LT').headers, 'idempotency-key': 'att-e2e-1' },
    payload: encounterBody('LT', 'ATT-E2E-1', 1),
  });
  caseId = r.json().caseIds[0];
  // a 600 × 400 image of three coloured bands: the thumbnail must show them
  const bands = await Promise.all(
    ['#1f6feb', '#f2cc60', '#d1242f'].map((c) =>
      sharp({ create: { width: 600, height: 134, channels: 3, background: c } })
        .png()
        .toBuffer(),
    ),
  );
  writeFileSync(
    png,
    await sharp({ create: { width: 600, height: 402, channels: 3, background: '#fff' } })
      .composite(bands.map((input, i) => ({ input, top: i * 134, left: 0 })))
      .png()
      .toBuffer(),
  );
  writeFileSync(html, '<!doctype html><html><body><script>alert(1)</script></body></html>');
}, 60_000);
afterAll(async () => app?.close());

describe('attachments on the case page', () => {
  it('uploads a PNG, shows its thumbnail, downloads it unchanged; refuses HTML named .jpg', async () => {
    const page = await app.loginAs('case-officer.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.getByRole('heading', { name: 'Photos and scans' }).waitFor();
    await page.getByText('No photos or scans.').waitFor();
    await page.getByLabel('Kind').selectOption('scan');
    await page.getByLabel(/^File/).setInputFiles(png);
    await page.getByRole('button', { name: 'Upload' }).click();
    const thumb = page.getByRole('img', { name: 'Thumbnail of document-photo.png' });
    await thumb.waitFor();
    // the image has loaded: the server's 160 × 107 JPEG
    await expect
      .poll(() => thumb.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(160);
    await check(page, 'attachments-uploaded');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download document-photo.png' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('document-photo.png');
    const saved = join(dir, 'downloaded.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(readFileSync(png))).toBe(true);

    await page.getByLabel(/^File/).setInputFiles(html);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page
      .getByRole('alert')
      .getByText(/not a JPEG, PNG or PDF file/)
      .waitFor();
    await check(page, 'attachments-html-refused');
  }, 90_000);

  it('a monitor sees the files but no upload', async () => {
    const page = await app.loginAs('monitor.lt');
    await page.goto(`${app.base}/cases/${caseId}`);
    await page.getByRole('img', { name: 'Thumbnail of document-photo.png' }).waitFor();
    expect(await page.getByRole('button', { name: 'Upload' }).count()).toBe(0);
  }, 60_000);
});
