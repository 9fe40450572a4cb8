// issue 20: the test clock of `pact serve` (PACT_CLOCK_OFFSET_FILE, src/cli/clock.ts), with a fake file and a
// fake real time: the offset is added, re-read at most every 200 ms, a bad value keeps the last good one and
// is logged once; and with a real file through serverClock.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OFFSET_REREAD_MS, offsetClock, parseOffset, serverClock } from '../../src/cli/clock.ts';

const T0 = Date.parse('2026-12-09T08:00:00Z');
const DAY = 86_400_000;

function fake(initial: string | undefined) {
  const state = { text: initial, now: T0, reads: 0, logs: [] as string[] };
  const c = offsetClock({
    file: '/fake/offset',
    read: () => {
      state.reads += 1;
      if (state.text === 'EACCES') throw Object.assign(new Error('no'), { code: 'EACCES' });
      return state.text;
    },
    realNow: () => state.now,
    log: (line) => state.logs.push(line),
  });
  return { state, c };
}

describe('the offset clock (PACT_CLOCK_OFFSET_FILE)', () => {
  it('is the real time when the file is missing or empty, and the real time plus the offset otherwise', () => {
    expect(fake(undefined).c.clock().getTime()).toBe(T0);
    expect(fake('').c.clock().getTime()).toBe(T0);
    expect(fake('  \n').c.clock().getTime()).toBe(T0);
    expect(fake(`${DAY}\n`).c.clock().toISOString()).toBe('2026-12-10T08:00:00.000Z');
    expect(fake('-3600000').c.clock().toISOString()).toBe('2026-12-09T07:00:00.000Z');
  });

  it('reads the file again only after 200 ms have passed', () => {
    const { state, c } = fake('0');
    expect(c.clock().getTime()).toBe(T0);
    state.text = String(DAY);
    state.now = T0 + OFFSET_REREAD_MS - 1;
    // 199 ms later: the old offset, no new read
    expect(c.clock().getTime()).toBe(T0 + OFFSET_REREAD_MS - 1);
    expect(state.reads).toBe(1);
    state.now = T0 + OFFSET_REREAD_MS;
    expect(c.clock().getTime()).toBe(T0 + OFFSET_REREAD_MS + DAY);
    expect(state.reads).toBe(2);
  });

  it('keeps the last good offset when the value is bad, logs it once, and takes a good value again', () => {
    const { state, c } = fake('5000');
    expect(c.offsetMs()).toBe(5000);
    for (const bad of ['1.5', 'tomorrow', '99999999999999999', 'EACCES']) {
      state.text = bad;
      state.now += OFFSET_REREAD_MS;
      expect(c.offsetMs()).toBe(5000);
      state.now += OFFSET_REREAD_MS;
      expect(c.offsetMs()).toBe(5000);
    }
    // one line for the whole run of bad values, naming the file but not the value
    expect(state.logs).toHaveLength(1);
    expect(state.logs[0]).toContain('/fake/offset');
    expect(state.logs[0]).toContain('5000 ms');
    state.text = '-7';
    state.now += OFFSET_REREAD_MS;
    expect(c.offsetMs()).toBe(-7);
    // a new bad value after a good one is logged again
    state.text = 'x';
    state.now += OFFSET_REREAD_MS;
    expect(c.offsetMs()).toBe(-7);
    expect(state.logs).toHaveLength(2);
  });

  it('parses only whole numbers of milliseconds', () => {
    expect(parseOffset('+42')).toBe(42);
    expect(parseOffset('-42')).toBe(-42);
    expect(parseOffset('4e3')).toBeUndefined();
    expect(parseOffset('0x10')).toBeUndefined();
    expect(parseOffset('12 ms')).toBeUndefined();
  });
});

describe('serverClock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pact-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the real clock without the variable, and says nothing', () => {
    const logs: string[] = [];
    const clock = serverClock({}, (l) => logs.push(l));
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1000);
    expect(logs).toEqual([]);
  });

  it('follows a real file, and says at the start that the clock is offset', async () => {
    const file = join(dir, 'offset');
    writeFileSync(file, String(DAY));
    const logs: string[] = [];
    const clock = serverClock({ PACT_CLOCK_OFFSET_FILE: file }, (l) => logs.push(l));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/clock is offset .* for tests and drills only\): now 86400000 ms/);
    expect(Math.abs(clock().getTime() - (Date.now() + DAY))).toBeLessThan(1000);
    writeFileSync(file, '0');
    await new Promise((r) => setTimeout(r, OFFSET_REREAD_MS + 20));
    expect(Math.abs(clock().getTime() - Date.now())).toBeLessThan(1000);
  });
});
