// `pact user add` in a child process, as an operator runs it on the server machine (a Union administrator does
// not create a state's accounts that read personal data, and the embedded database admits one process at a
// time): for the tests and benchmarks that then start a real `pact serve`. Resolves to the one-time password.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function addUserWithCli(
  env: Record<string, string | undefined>,
  username: string,
  role: string,
  state: string,
): Promise<string> {
  const proc = spawn(
    process.execPath,
    ['bin/pact.js', 'user', 'add', username, '--role', role, '--state', state],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  proc.stderr?.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  return new Promise((resolve, reject) =>
    proc.once('exit', (code) => {
      const password = /one-time password:\s+(\S+)/.exec(out)?.[1];
      if (code === 0 && password) resolve(password);
      else reject(new Error(`pact user add exited ${code}:\n${err}`));
    }),
  );
}
