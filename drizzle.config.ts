import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // every schema file of the store: schema.ts and one file per later area (schema-federation.ts, …)
  schema: './src/store/schema*.ts',
  out: './src/store/migrations',
});
