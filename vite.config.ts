// The web application (web/): React + Vite, built into web/dist, which the server serves at /.
// In development, `npx vite` serves it with hot reload and forwards /api to a running `pact serve`.
// Issue 19: an installable application (vite-plugin-pwa): our own service worker (web/src/sw.ts, built to
// web/dist/sw.js with the list of the build's files injected) and the manifest (manifest.webmanifest).
// No service worker in development (devOptions off): `npx vite` always serves the newest code.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The header's colour (--accent in web/src/styles.css). */
const ACCENT = '#0b4f8a';

export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // a new version waits until the user presses Reload (web/src/UpdateBanner.tsx)
      registerType: 'prompt',
      // registered by UpdateBanner.tsx (virtual:pwa-register/react), not by a script in index.html
      injectRegister: false,
      injectManifest: {
        // one classic script: a browser registers it without { type: 'module' }
        rollupFormat: 'iife',
        // the application's files; the plugin adds the manifest and its icons (includeManifestIcons)
        globPatterns: ['**/*.{js,css,html}'],
      },
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Pact',
        short_name: 'Pact',
        description: 'The border desk and case work under the EU Pact on Migration and Asylum',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: ACCENT,
        background_color: '#f6f7f9',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
