// The server's side of the web application: the built files at /, client-side routes answered with the
// application, the API's 404s still problem+json, headers of a page, and a clear answer when nothing is
// built. A small stand-in build in a temporary folder (the real one is tested in the browser: test/e2e).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const pglite = BACKENDS[0];
if (!pglite) throw new Error('no backend');
const INDEX = '<!doctype html><title>Pact</title><script type="module" src="/assets/app-1234.js"></script>';

describe('the web application at /', () => {
  let h: Harness;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'pact-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    h = await startHarness(pglite, { webRoot: root });
  }, 60_000);
  afterAll(async () => h?.close());

  it('/ is the application, never cached, with a Content-Security-Policy that allows only this server', async () => {
    const r = await h.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toBe(INDEX);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('/index.html asked for by name has the same Content-Security-Policy (no framing)', async () => {
    const r = await h.inject({ method: 'GET', url: '/index.html' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('a client-side route asked for by a browser (/queue, /cases/…) gets the application', async () => {
    for (const url of ['/queue', '/cases/5fcec378-c5de-451f-9495-79916c68f67a', '/queue?kind=registration']) {
      const r = await h.inject({
        method: 'GET',
        url,
        headers: { accept: 'text/html,application/xhtml+xml' },
      });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toBe(INDEX);
    }
  });

  it('built files are served with a year-long cache (their names carry a hash); a missing one is a 404', async () => {
    const r = await h.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await h.inject({
      method: 'GET',
      url: '/assets/app-9999.js',
      headers: { accept: 'text/html' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('the API keeps answering problem+json: an unknown /api route is a 404, even when a browser asks', async () => {
    const r = await h.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    // and a non-browser GET of an unknown path too
    const curl = await h.inject({ method: 'GET', url: '/nope', headers: { accept: '*/*' } });
    expect(curl.statusCode).toBe(404);
    expect(curl.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('without a build of the web application', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(pglite, { webRoot: mkdtempSync(join(tmpdir(), 'pact-noweb-')) });
  }, 60_000);
  afterAll(async () => h?.close());

  it('/ says how to build it (503), and the API works', async () => {
    const r = await h.inject({ method: 'GET', url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build');
    const api = await h.inject({ method: 'GET', url: '/api/fair-shares?pool=2026&country=LT' });
    expect(api.statusCode).toBe(200);
  });
});
