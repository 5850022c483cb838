import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/src/demo/seed.js';
import { createTestHub, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
beforeAll(() => {
  hub = createTestHub();
});
afterAll(() => hub.close());

describe('npm run seed:demo', () => {
  it('creates the demo province once and nothing on a second run', async () => {
    await hub.services.sectors.ensureCriticalSectors();
    const first = await seedDemo(hub.services);
    expect(first.agencies).toBeGreaterThanOrEqual(28);
    expect(first.users).toBe(6);
    const seqAfterFirst = await hub.store.events.lastSeq();
    const second = await seedDemo(hub.services);
    expect(second).toEqual({ agencies: 0, systems: 0, teams: 0, users: 0 });
    expect(await hub.store.events.lastSeq()).toBe(seqAfterFirst);
  });
});
