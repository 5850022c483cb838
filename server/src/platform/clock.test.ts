/** The clocks' timers: the system clock's fire on the wall clock, the fake clock's when it is moved. */
import { describe, expect, it } from 'vitest';
import { FakeClock, systemClock } from './clock.js';

describe('systemClock.wakeAt', () => {
  it('fires once the wall clock reaches the time, never before, and a cancelled timer never fires', async () => {
    const armedAt = Date.now();
    const fired: string[] = [];
    const cancel = systemClock.wakeAt(new Date(armedAt + 30), () => fired.push('cancelled'));
    cancel();
    const firedAt = await new Promise<number>((resolve) =>
      systemClock.wakeAt(new Date(armedAt + 60), () => {
        fired.push('kept');
        resolve(Date.now());
      }),
    );
    expect(firedAt).toBeGreaterThanOrEqual(armedAt + 60);
    expect(fired).toEqual(['kept']);
  });

  it('fires soon for a time already past', async () => {
    await new Promise<void>((resolve) => systemClock.wakeAt(new Date(Date.now() - 1_000), resolve));
  });
});

describe('FakeClock.wakeAt', () => {
  it('fires when set or advanced past the time, in a later microtask, and only then', async () => {
    const clock = new FakeClock('2026-11-20T02:00:00.000Z');
    const fired: string[] = [];
    clock.wakeAt(new Date('2026-11-20T02:01:00.000Z'), () => fired.push('1 min'));
    clock.wakeAt(new Date('2026-11-20T03:00:00.000Z'), () => fired.push('1 h'));
    const cancel = clock.wakeAt(new Date('2026-11-20T02:00:30.000Z'), () => fired.push('cancelled'));
    cancel();
    expect(clock.pendingTimers).toBe(2);
    clock.advance(59_999);
    await Promise.resolve();
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([]); // the caller that moved the clock goes on first
    await Promise.resolve();
    expect(fired).toEqual(['1 min']);
    clock.set('2026-11-20T05:00:00.000Z');
    await Promise.resolve();
    expect(fired).toEqual(['1 min', '1 h']);
    expect(clock.pendingTimers).toBe(0);
    clock.wakeAt(new Date('2026-11-20T04:00:00.000Z'), () => fired.push('past'));
    await Promise.resolve();
    expect(fired).toEqual(['1 min', '1 h', 'past']);
  });
});
