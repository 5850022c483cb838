import { describe, expect, it, vi } from 'vitest';
import type { DomainEventMessage, IncidentView } from '@cert-hub/shared';
import { IncidentStore } from './incidentStore.js';
import type { LiveConnection } from './LiveConnection.js';
import { isFullIncident, toCard } from './reconcile.js';

const incident = (version: number, over: Partial<IncidentView> = {}) =>
  ({
    id: 'i1',
    code: 'SC-2026-000001',
    agencyId: 'a1',
    title: `v${version}`,
    category: 'phishing',
    status: 'received',
    severity: null,
    serious: false,
    lateReport: false,
    drill: null,
    reportedAt: '2026-11-20T01:00:00.000Z',
    statusChangedAt: '2026-11-20T01:00:00.000Z',
    routing: { teamId: 't1', teamIds: ['t1'] },
    version,
    abilities: [],
    description: 'Thư giả mạo',
    ...over,
  }) as unknown as IncidentView;

/** A connection as the store sees it: something that delivers event messages to subscribers. */
function connection() {
  const listeners = new Set<(m: DomainEventMessage) => void>();
  const live = { subscribe: (l: (m: DomainEventMessage) => void) => (listeners.add(l), () => listeners.delete(l)) };
  const deliver = (i: IncidentView | null) =>
    listeners.forEach((l) => l({ event: { seq: 1, type: 'incident.updated', incidentId: 'i1' }, incident: i } as DomainEventMessage));
  return { live: live as unknown as LiveConnection, deliver };
}

describe('the incident store', () => {
  it('takes the incident of every delivered event, by the newest-version rule, and tells subscribers once per change', () => {
    const store = new IncidentStore();
    const { live, deliver } = connection();
    let changes = 0;
    store.subscribe(() => changes++);
    const stop = store.follow(live);
    deliver(incident(2));
    deliver(incident(1));
    deliver(null);
    expect(store.get('i1')!.version).toBe(2);
    expect(changes).toBe(1);
    stop();
    deliver(incident(3));
    expect(store.get('i1')!.version).toBe(2);
  });

  it('keeps cards, except incidents a page watches, which it keeps whole', () => {
    const store = new IncidentStore();
    store.put(incident(1));
    expect(isFullIncident(store.get('i1')!)).toBe(false);
    expect(store.full('i1')).toBeNull();
    const release = store.watch('i1');
    store.put(incident(1));
    expect(store.full('i1')?.description).toBe('Thư giả mạo');
    store.put(incident(2, { status: 'triage' }));
    expect(store.full('i1')?.status).toBe('triage');
    release();
    store.put(incident(3));
    expect(isFullIncident(store.get('i1')!)).toBe(false);
    expect(store.get('i1')!.version).toBe(3);
  });

  it('reads a watched incident whole again when a newer card arrives, keeping the whole copy on the page meanwhile', async () => {
    const server = { incident: incident(3, { status: 'triage', description: 'Đã phân loại' }) };
    const reads: string[] = [];
    const store = new IncidentStore(async (id) => {
      reads.push(id);
      return server.incident;
    });
    const release = store.watch('i1');
    store.put(incident(2));
    // The catch-up feed brings a card at version 3: the page keeps version 2 whole, never the card.
    store.put(toCard(incident(3, { status: 'triage' })));
    expect(store.full('i1')?.version).toBe(2);
    expect(reads).toEqual(['i1']);
    await waitUntil(() => store.full('i1')?.version === 3);
    expect(store.full('i1')?.description).toBe('Đã phân loại');
    // The same card again, or an older one, reads nothing more.
    store.put(toCard(incident(3)), toCard(incident(2)));
    expect(reads).toEqual(['i1']);
    release();
    // No page watches it any more: a newer card is simply kept, nothing is read.
    store.put(toCard(incident(4)));
    expect(reads).toEqual(['i1']);
    expect(store.get('i1')!.version).toBe(4);
  });

  it('reads once while a read is on its way, and once more if a card newer than its answer arrived meanwhile', async () => {
    const answers: ((i: IncidentView) => void)[] = [];
    const store = new IncidentStore(() => new Promise((resolve) => answers.push(resolve)));
    store.watch('i1');
    store.put(incident(2));
    store.put(toCard(incident(3)));
    store.put(toCard(incident(4)));
    expect(answers).toHaveLength(1);
    // The first answer was read at version 3; version 4 was announced since: read again.
    answers[0]!(incident(3));
    await waitUntil(() => answers.length === 2);
    expect(store.full('i1')?.version).toBe(3);
    answers[1]!(incident(4));
    await waitUntil(() => store.full('i1')?.version === 4);
    expect(answers).toHaveLength(2);
  });

  it('a failed read leaves the whole copy and lets the next newer card ask again', async () => {
    let fail = true;
    let reads = 0;
    const store = new IncidentStore(async () => {
      reads++;
      if (fail) throw new Error('offline');
      return incident(5);
    });
    store.watch('i1');
    store.put(incident(2));
    store.put(toCard(incident(3)));
    await waitUntil(() => reads === 1);
    await Promise.resolve();
    expect(store.full('i1')?.version).toBe(2);
    fail = false;
    store.put(toCard(incident(4)));
    await waitUntil(() => store.full('i1')?.version === 5);
    expect(reads).toBe(2);
  });
});

/** Waits for the store's reads (promises) to settle. */
const waitUntil = (condition: () => boolean) => vi.waitFor(() => expect(condition()).toBe(true));
