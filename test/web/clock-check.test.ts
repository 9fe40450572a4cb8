// Issue 19: the tablet's clock against the server's (web/src/clock-check.ts). The desk warns when they differ
// by more than the server's tolerance for a time in its future, ENTRY_RULES.futureToleranceMinutes = 5
// (src/domain/entry-rules.ts): exactly 5 minutes is still within it.
import { describe, expect, it } from 'vitest';
import {
  CLOCK_TOLERANCE_MS,
  clockOffMinutes,
  measuredOffset,
  noteServerTime,
} from '../../web/src/clock-check.ts';

describe('the tablet’s clock against the server’s', () => {
  it('the tolerance is the server’s 5 minutes', () => {
    expect(CLOCK_TOLERANCE_MS).toBe(5 * 60 * 1000);
  });
  it('within 5 minutes either way (exactly 5 too): nothing to say', () => {
    for (const ms of [0, 90_000, -90_000, 300_000, -300_000]) expect(clockOffMinutes(ms)).toBeUndefined();
    expect(clockOffMinutes(undefined)).toBeUndefined();
  });
  it('over 5 minutes: by how many minutes, behind (server ahead) positive, ahead negative', () => {
    expect(clockOffMinutes(300_001)).toBe(5);
    // a tablet 63 minutes slow: the server's clock is 63 × 60,000 ms ahead
    expect(clockOffMinutes(63 * 60_000)).toBe(63);
    expect(clockOffMinutes(-10 * 60_000)).toBe(-10);
  });
  it('reads the server’s time from an answer; an answer without it changes nothing', () => {
    const server = Date.parse('2026-12-09T08:00:00.000Z');
    noteServerTime(new Headers({ 'x-pact-server-time': '2026-12-09T08:00:00.000Z' }), server - 63 * 60_000);
    expect(measuredOffset()).toBe(63 * 60_000);
    noteServerTime(new Headers(), server);
    noteServerTime(new Headers({ 'x-pact-server-time': 'not a time' }), server);
    expect(measuredOffset()).toBe(63 * 60_000);
  });
});
