// Issue 19: the files that make the web application installable, as the server serves them. A browser
// looks for a new version by asking for /sw.js again (so it must never be kept by a cache), runs the worker
// under the policy the script came with (the API's `default-src 'none'` would forbid every fetch of the
// worker), and reads the manifest only as application/manifest+json. A stand-in build in a temporary folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../store/backends.ts';
import { type Harness, startHarness } from './harness.ts';

const pglite = BACKENDS[0];
if (!pglite) throw new Error('no backend');

describe('the installable application: service worker and manifest', () => {
  let h: Harness;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'pact-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pact</title>');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Pact"}');
    h = await startHarness(pglite, { webRoot: root });
  }, 60_000);
  afterAll(async () => h?.close());

  it('/sw.js is JavaScript, asked again every time, and its worker may fetch this server only', async () => {
    const r = await h.inject({ method: 'GET', url: '/sw.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(r.headers['cache-control']).toBe('no-cache');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/default-src 'none'/);
  });

  it('/manifest.webmanifest is application/manifest+json, asked again every time', async () => {
    const r = await h.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(r.body)).toEqual({ name: 'Pact' });
  });

  it("a page may register this server's service worker and read its manifest, nobody else's", async () => {
    const r = await h.inject({ method: 'GET', url: '/' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });
});
