// The API documentation (/api/docs, Swagger UI) still renders under its Content-Security-Policy (issue #14,
// finding 9): Chromium loads it, the operations are drawn, and the browser reports no CSP violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../api/harness.ts';
import { BACKENDS } from '../store/backends.ts';
import { launch, screenshot } from './browser.ts';

describe('the API documentation under its CSP', () => {
  let h: Harness;
  let address: string;
  beforeAll(async () => {
    h = await startHarness(BACKENDS[0] as (typeof BACKENDS)[number]);
    address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(() => h?.close());

  it('draws the operations with no CSP violation', async () => {
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      const res = await page.goto(`${address}/api/docs`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.waitForSelector('.opblock', { timeout: 20_000 });
      expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
      await screenshot(page, 'api-docs');
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
