/**
 * Issue #11: `GET /api/events?after=&view=card` — the console's catch-up — answers the same
 * events as the default whole-incident view, each carrying its incident's card. The scoping is
 * the full view's: an agency never gets another agency's card, and the agency's cards lack
 * the CERT's internal fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsPage, IncidentCardView, IncidentView } from '@cert-hub/shared';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';

let hub: TestHub;
const token: Record<string, string> = {};
let agencyA: string;
let agencyB: string;

const CARD_FIELDS = [
  'abilities',
  'agencyId',
  'category',
  'code',
  'drill',
  'id',
  'lateReport',
  'reportedAt',
  'routing',
  'serious',
  'severity',
  'status',
  'statusChangedAt',
  'title',
  'version',
];
/** What only the CERT sees on a card. */
const INTERNAL_CARD_FIELDS = ['assigneeIds', 'slaDueAt'];

beforeAll(async () => {
  hub = await createSeededHub();
  for (const name of ['focal.a', 'focal.b', 'coordinator', 'responder', 'leader']) token[name] = await signIn(hub, name);
  agencyA = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
  agencyB = (await hub.store.users.getByUsername('focal.b'))!.agencyId!;
});
afterAll(() => hub.close());

async function get<T>(who: string, path: string): Promise<{ status: number; body: T }> {
  const res = await hub.http().get(`/api${path}`).set('Authorization', `Bearer ${token[who]}`);
  return { status: res.status, body: res.body as T };
}

let serial = 0;
async function report(who: 'focal.a' | 'focal.b', agencyId: string, title: string): Promise<IncidentView> {
  const res = await hub
    .http()
    .post('/api/incidents')
    .set('Authorization', `Bearer ${token[who]}`)
    .set('Idempotency-Key', `events-card-${++serial}`)
    .send({
      agencyId,
      title,
      category: 'phishing',
      description: 'Nhiều cán bộ nhận thư giả mạo yêu cầu chuyển tiền. '.repeat(10),
      detectedAt: '2026-11-20T08:00:00+07:00',
      indicators: [{ type: 'domain', value: 'hoalam-gov.example' }],
    });
  expect(res.status).toBe(201);
  return res.body as IncidentView;
}

async function triage(incident: IncidentView) {
  const res = await hub
    .http()
    .post(`/api/incidents/${incident.id}/transitions`)
    .set('Authorization', `Bearer ${token.coordinator}`)
    .send({ to: 'triage', version: incident.version });
  expect(res.status).toBe(200);
}

describe('GET /api/events?view=card', () => {
  it('answers the same events as the whole view, each with the card of its incident, for every role', async () => {
    const from = await hub.store.events.lastSeq();
    const a = await report('focal.a', agencyA, 'Thẻ trong luồng bắt kịp: đơn vị A');
    await triage(a);
    const b = await report('focal.b', agencyB, 'Thẻ trong luồng bắt kịp: đơn vị B');
    for (const who of ['focal.a', 'focal.b', 'coordinator', 'responder', 'leader']) {
      const full = await get<EventsPage>(who, `/events?after=${from}`);
      const cards = await get<EventsPage<IncidentCardView>>(who, `/events?after=${from}&view=card`);
      expect(cards.status).toBe(200);
      // The same events in the same order, the same position in the log.
      expect(cards.body.events.map((m) => m.event)).toEqual(full.body.events.map((m) => m.event));
      expect(cards.body.lastSeq).toBe(full.body.lastSeq);
      expect(cards.body.events.length).toBeGreaterThan(0);
      cards.body.events.forEach((m, k) => {
        const card = m.incident!;
        const whole = full.body.events[k]!.incident!;
        const internal = !who.startsWith('focal');
        expect(Object.keys(card).sort()).toEqual([...CARD_FIELDS, ...(internal ? INTERNAL_CARD_FIELDS : [])].sort());
        expect(Object.keys(card.routing).sort()).toEqual(['teamId', 'teamIds']);
        // Every card field has the value the caller's whole view has (the routing: its teams).
        for (const field of Object.keys(card).filter((f) => f !== 'routing')) {
          expect(card[field as keyof IncidentCardView], `${who} ${field}`).toEqual(whole[field as keyof IncidentView]);
        }
        expect(card.routing).toEqual({ teamId: whole.routing.teamId, teamIds: whole.routing.teamIds });
        expect('description' in card).toBe(false);
      });
    }
    // Each agency catches up on its own incidents only, as in the whole view.
    const ofAgency = async (who: string) =>
      new Set((await get<EventsPage<IncidentCardView>>(who, `/events?after=${from}&view=card`)).body.events.map((m) => m.incident!.id));
    expect([...(await ofAgency('focal.a'))]).toEqual([a.id]);
    expect([...(await ofAgency('focal.b'))]).toEqual([b.id]);
    expect(await ofAgency('coordinator')).toEqual(new Set([a.id, b.id]));
  });

  it('a card carries the incident as it is now, once per incident on a page, far smaller than the whole incident', async () => {
    const from = await hub.store.events.lastSeq();
    const incident = await report('focal.a', agencyA, 'Thẻ hiện trạng hiện tại');
    await triage(incident);
    const page = (await get<EventsPage<IncidentCardView>>('coordinator', `/events?after=${from}&view=card`)).body;
    const own = page.events.filter((m) => m.event.incidentId === incident.id);
    expect(own.map((m) => m.event.type)).toEqual(['incident.created', 'incident.routed', 'incident.status_changed']);
    expect(own.map((m) => [m.incident!.status, m.incident!.version])).toEqual([
      ['triage', 2],
      ['triage', 2],
      ['triage', 2],
    ]);
    const whole = (await get<EventsPage>('coordinator', `/events?after=${from}`)).body;
    expect(JSON.stringify(page).length * 2).toBeLessThan(JSON.stringify(whole).length);
  });

  it('keeps the whole incident by default (the API contract) and refuses an unknown view, changing nothing', async () => {
    const from = await hub.store.events.lastSeq();
    await report('focal.a', agencyA, 'Mặc định là toàn bộ sự cố');
    const whole = await get<EventsPage>('focal.a', `/events?after=${from}`);
    expect(whole.body.events[0]!.incident!.description).toContain('thư giả mạo');
    expect((await get<EventsPage>('focal.a', `/events?after=${from}&view=full`)).body).toEqual(whole.body);
    const head = await hub.store.events.lastSeq();
    const bad = await get<{ error: { code: string } }>('focal.a', `/events?after=${from}&view=summary`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toEqual(expect.any(String));
    expect(await hub.store.events.lastSeq()).toBe(head);
  });
});
