// The web application (web/): React + Vite, built into web/dist, which the server serves at /.
// In development, `npx vite` serves it with hot reload and forwards /api to a running `pact serve`.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
