// Global setup of the browser tests: the production build, once for every e2e file, as npm start makes it
// (under vitest NODE_ENV is "test", which would give React's development build).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
