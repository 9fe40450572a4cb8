// issue 20: waiting for something to happen across installations (a message delivered, a sweep's
// consequence recorded): `eventually` asks again until the check passes or the time is up, then throws
// the check's last error (so that a test fails with what was last seen, not with a bare timeout).
export async function eventually<T>(
  check: () => Promise<T> | T,
  { timeoutMs = 20_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() >= deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
