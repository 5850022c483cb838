import { describe, expect, it } from 'vitest';
import type { DomainEventMessage, IncidentView } from '@cert-hub/shared';
import { IncidentStore } from './incidentStore.js';
import type { LiveConnection } from './LiveConnection.js';
import { isFullIncident } from './reconcile.js';

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
});
