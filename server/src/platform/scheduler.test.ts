/**
 * The hub's one scheduler on a fake clock: it sleeps until the earliest due job, re-arms when a
 * due time changes, runs jobs one at a time, keeps going past a job that throws (and retries
 * it), and after a restart runs what fell due while the hub was down — the last one on a real
 * SQLite store, through the drill injects job.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENTS } from '@cert-hub/shared';
import type { TeamView } from '@cert-hub/shared';
import type { EventRecord } from '../store/port.js';
import { createSeededHub, openTestHub, signIn, type TestHub } from '../testing/testHub.js';
import { FakeClock } from './clock.js';
import { EventBus } from './eventBus.js';
import { Scheduler, type ScheduledJob } from './scheduler.js';

const T0 = Date.parse('2026-11-20T02:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

/** A logger whose error lines the test can read. */
function capturingLogger() {
  const lines: { msg: string; job?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; job?: string });
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

/**
 * A job over a list of due times, as a feature keeps them in its store: `runDue` takes the
 * ones due by the clock. `nextRun()` resolves when a run ends, so tests wait for runs, not time.
 */
function dueListJob(name: string, clock: FakeClock, due: number[], options: { wakeOn?: ScheduledJob['wakeOn'] } = {}) {
  const runs: { at: string; took: string[] }[] = [];
  let waiting: (() => void)[] = [];
  let failuresLeft = 0;
  let hold: Promise<void> | null = null;
  const job: ScheduledJob = {
    name,
    nextDueAt: async () => (due.length ? at(Math.min(...due) - T0) : null),
    runDue: async () => {
      try {
        if (hold) await hold;
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error(`${name} broke`);
        }
        const now = clock.now().getTime();
        const took = due.filter((t) => t <= now);
        due.splice(0, due.length, ...due.filter((t) => t > now));
        runs.push({ at: clock.now().toISOString(), took: took.map((t) => at(t - T0)) });
      } finally {
        const done = waiting;
        waiting = [];
        for (const resolve of done) resolve();
      }
    },
    ...(options.wakeOn ? { wakeOn: options.wakeOn } : {}),
  };
  return {
    job,
    runs,
    due,
    nextRun: () => new Promise<void>((resolve) => waiting.push(resolve)),
    failNext: (times: number) => {
      failuresLeft = times;
    },
    holdRuns: (until: Promise<void>) => {
      hold = until;
    },
  };
}

/** Lets every queued promise callback run (the scheduler's reads and timer arming). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
async function settled() {
  for (let i = 0; i < 10; i++) await settle();
}

const started: Scheduler[] = [];
function startScheduler(jobs: ScheduledJob[], clock: FakeClock, extra: { bus?: EventBus; logger?: pino.Logger } = {}) {
  const scheduler = new Scheduler(jobs, { clock, logger: extra.logger ?? pino({ level: 'silent' }), bus: extra.bus, retryMs: 5_000 });
  scheduler.start();
  started.push(scheduler);
  return scheduler;
}
afterEach(async () => {
  for (const scheduler of started.splice(0)) await scheduler.stop();
});

describe('the scheduler', () => {
  it('sleeps on one timer until the earliest due job, and runs only what is due', async () => {
    const clock = new FakeClock(at(0));
    const late = dueListJob('late', clock, [T0 + 60_000]);
    const early = dueListJob('early', clock, [T0 + 10_000, T0 + 90_000]);
    startScheduler([late.job, early.job], clock);
    await settled();
    expect(clock.pendingTimers).toBe(1);
    expect([...late.runs, ...early.runs]).toEqual([]);

    clock.advance(9_999);
    await settled();
    expect(early.runs).toEqual([]);

    const earlyRan = early.nextRun();
    clock.advance(1);
    await earlyRan;
    expect(early.runs).toEqual([{ at: at(10_000), took: [at(10_000)] }]);
    expect(late.runs).toEqual([]);

    const lateRan = late.nextRun();
    clock.advance(50_000);
    await lateRan;
    expect(late.runs).toEqual([{ at: at(60_000), took: [at(60_000)] }]);
    await settled();
    expect(early.runs).toHaveLength(1);
    // Still one timer, now for the early job's second due time.
    expect(clock.pendingTimers).toBe(1);
  });

  it('re-arms when an event says a due time moved; without the wake it would sleep past it', async () => {
    const clock = new FakeClock(at(0));
    const bus = new EventBus();
    const watched = dueListJob('watched', clock, [T0 + 60_000], { wakeOn: (e) => e.type === EVENTS.drillStatusChanged });
    const unwatched = dueListJob('unwatched', clock, [T0 + 60_000]);
    startScheduler([watched.job, unwatched.job], clock, { bus });
    await settled();

    // Both stores now hold an earlier due time; only the watched job's change is announced.
    watched.due.splice(0, 1, T0 + 10_000);
    unwatched.due.splice(0, 1, T0 + 10_000);
    bus.publish({ type: EVENTS.drillStatusChanged, entity: 'drill', entityId: 'd1', seq: 1 } as EventRecord);
    await settled();
    const watchedRan = watched.nextRun();
    clock.advance(10_000);
    await watchedRan;
    // The wake re-read every job's due time, so the unwatched one ran too: one timer for all.
    await settled();
    expect(watched.runs).toEqual([{ at: at(10_000), took: [at(10_000)] }]);
    expect(unwatched.runs).toEqual([{ at: at(10_000), took: [at(10_000)] }]);

    // An unrelated event does not wake it: a due time changed silently is noticed only at the armed time.
    unwatched.due.push(T0 + 20_000);
    bus.publish({ type: EVENTS.incidentCreated, entity: 'incident', entityId: 'i1', seq: 2 } as EventRecord);
    clock.advance(15_000);
    await settled();
    expect(unwatched.runs).toHaveLength(1);
    watched.due.push(T0 + 30_000);
    bus.publish({ type: EVENTS.drillStatusChanged, entity: 'drill', entityId: 'd1', seq: 3 } as EventRecord);
    const unwatchedRan = unwatched.nextRun();
    await unwatchedRan; // overdue since 20 s: the wake runs it at once
    expect(unwatched.runs[1]).toEqual({ at: at(25_000), took: [at(20_000)] });
  });

  it('runs one job at a time', async () => {
    const clock = new FakeClock(at(0));
    const first = dueListJob('first', clock, [T0 + 1_000]);
    const second = dueListJob('second', clock, [T0 + 2_000]);
    let release!: () => void;
    first.holdRuns(new Promise<void>((resolve) => (release = resolve)));
    const scheduler = startScheduler([first.job, second.job], clock);
    clock.advance(5_000);
    await settled();
    // A wake while a job runs (an event, a test's tick) queues a pass after it, never beside it.
    const ticked = scheduler.tick();
    await settled();
    expect(first.runs).toEqual([]);
    expect(second.runs).toEqual([]); // due, but waits for the running job
    const secondRan = second.nextRun();
    release();
    await secondRan;
    await ticked;
    expect(first.runs.map((r) => r.took)).toEqual([[at(1_000)]]);
    expect(second.runs.map((r) => r.took)).toEqual([[at(2_000)]]);
  });

  it('logs a throwing job, runs the others on time, and retries it after the retry delay', async () => {
    const clock = new FakeClock(at(0));
    const { logger, lines } = capturingLogger();
    // Due first, so it runs (and throws) before the healthy job in the same pass.
    const broken = dueListJob('broken', clock, [T0 + 500]);
    const healthy = dueListJob('healthy', clock, [T0 + 1_000, T0 + 3_000]);
    broken.failNext(2);
    startScheduler([broken.job, healthy.job], clock, { logger });

    const healthyRan = healthy.nextRun();
    clock.advance(1_000);
    await healthyRan;
    expect(healthy.runs).toEqual([{ at: at(1_000), took: [at(1_000)] }]);
    expect(broken.runs).toEqual([]);
    expect(lines).toContainEqual(expect.objectContaining({ job: 'broken', msg: 'scheduled job failed; retrying later' }));

    // The broken job waits out its retry delay; the healthy one keeps its own time meanwhile.
    const healthyAgain = healthy.nextRun();
    clock.advance(2_000);
    await healthyAgain;
    expect(healthy.runs[1]).toEqual({ at: at(3_000), took: [at(3_000)] });
    expect(broken.runs).toEqual([]);

    const retried = broken.nextRun();
    clock.advance(3_000); // 6 s: the first retry (5 s after the failure at 1 s) fails again
    await retried;
    expect(broken.runs).toEqual([]);
    const recovered = broken.nextRun();
    clock.advance(5_000);
    await recovered;
    expect(broken.runs).toEqual([{ at: at(11_000), took: [at(500)] }]);
    expect(lines.filter((l) => l.job === 'broken')).toHaveLength(2);
  });

  it('runs again at once for work queued while it ran, at the same clock time', async () => {
    const clock = new FakeClock(at(0));
    const outbox = dueListJob('outbox', clock, [T0 + 1_000]);
    let queuedDuringRun = false;
    const runDue = outbox.job.runDue;
    // Like a delivery queued by another event while the outbox was sending: due now, after the job read its work.
    outbox.job.runDue = async () => {
      await runDue();
      if (!queuedDuringRun) {
        queuedDuringRun = true;
        outbox.due.push(clock.now().getTime());
      }
    };
    const scheduler = startScheduler([outbox.job], clock);
    clock.advance(1_000);
    await scheduler.tick();
    await settled();
    expect(outbox.runs).toEqual([
      { at: at(1_000), took: [at(1_000)] },
      { at: at(1_000), took: [at(1_000)] },
    ]);
  });

  it('backs off a job that runs without error but leaves its due work, instead of spinning', async () => {
    const clock = new FakeClock(at(0));
    const { logger, lines } = capturingLogger();
    let runs = 0;
    // Like a round whose reminder update keeps losing a version race: due, run, still due.
    const stuck: ScheduledJob = { name: 'stuck', nextDueAt: async () => at(1_000), runDue: async () => void (runs += 1) };
    const scheduler = startScheduler([stuck], clock, { logger });
    clock.advance(1_000);
    await scheduler.tick();
    // The first run, then two more in case the work was queued meanwhile, then it waits.
    expect(runs).toBe(3);
    expect(lines).toContainEqual(expect.objectContaining({ job: 'stuck', msg: 'scheduled job left due work; retrying later' }));
    clock.advance(4_999);
    await scheduler.tick();
    expect(runs).toBe(3);
    clock.advance(1);
    await scheduler.tick();
    expect(runs).toBe(6);
  });

  it('stops without leaving a timer behind, and a stopped scheduler runs nothing', async () => {
    const clock = new FakeClock(at(0));
    const job = dueListJob('job', clock, [T0 + 1_000]);
    const scheduler = startScheduler([job.job], clock);
    await settled();
    expect(clock.pendingTimers).toBe(1);
    await scheduler.stop();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(10_000);
    await scheduler.tick();
    await settled();
    expect(job.runs).toEqual([]);
  });
});

describe('the scheduler after a restart (real SQLite store)', () => {
  let hub: TestHub;
  let restarted: TestHub | null = null;
  afterEach(async () => {
    await restarted?.services.scheduler.stop();
    await restarted?.store.close();
    await hub.close();
  });

  it('runs the drill injects that fell due while the hub was down, once each, at boot', async () => {
    hub = await createSeededHub();
    hub.clock.set('2026-11-20T03:00:00Z');
    const token = await signIn(hub, 'coordinator');
    const post = (url: string, body: object) => hub.http().post(url).set('Authorization', `Bearer ${token}`).send(body);
    const teams = (await hub.http().get('/api/teams').set('Authorization', `Bearer ${token}`)).body as { items: TeamView[] };
    const cert = teams.items.find((t) => t.isStanding)!.id;
    const created = await post('/api/drills', {
      name: 'Diễn tập kiểm tra bộ hẹn giờ',
      year: 2026,
      type: 'tabletop',
      teamIds: [cert],
      injects: [
        { offset: 'PT1M', target: { teamId: cert }, message: 'Tình huống 1: báo chí hỏi về sự cố' },
        { offset: 'PT2M', target: { teamId: cert }, message: 'Tình huống 2: lãnh đạo tỉnh yêu cầu báo cáo' },
        { offset: 'PT1H', target: { teamId: cert }, message: 'Tình huống 3: kết thúc' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const drillId = (created.body as { id: string }).id;
    hub.services.scheduler.start();
    expect((await post(`/api/drills/${drillId}/start`, { version: 1 })).status).toBe(200);
    await settled();
    expect(hub.clock.pendingTimers).toBe(1);

    // The hub goes down; two injects fall due while it is down.
    await hub.services.scheduler.stop();
    expect(hub.clock.pendingTimers).toBe(0);
    await hub.store.close();
    hub.clock.advance(5 * 60_000);
    const bootAt = hub.clock.now().toISOString();

    restarted = openTestHub(hub.dataDir, hub.clock);
    const fired: EventRecord[] = [];
    const bothFired = new Promise<void>((resolve) =>
      restarted!.deps.bus.subscribe((event) => {
        if (event.type !== EVENTS.drillInjectFired) return;
        fired.push(event);
        if (fired.length === 2) resolve();
      }),
    );
    restarted.services.scheduler.start();
    await bothFired;
    const drill = (await restarted.store.drills.get(drillId))!;
    expect(drill.injects.map((i) => i.firedAt)).toEqual([bootAt, bootAt, null]);
    // Armed again for the third inject, an hour after the start; nothing fires twice.
    await restarted.services.scheduler.tick();
    expect(fired).toHaveLength(2);
    expect(restarted.clock.pendingTimers).toBe(1);
  });
});
