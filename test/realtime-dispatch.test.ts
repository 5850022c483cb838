/**
 * Issue #11: the dispatcher routes the events published in one turn as one batch, reading and
 * presenting each incident once per audience for all of them. Each message must still carry
 * its own incident, as it is after its event, in its audience's view: CERT rooms the full
 * record, the agency room never the CERT's working data.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENTS, type DomainEventMessage, type IncidentView } from '@cert-hub/shared';
import { startServer, type RunningHub } from '../server/src/server.js';
import { createSeededHub, signIn, type TestHub } from '../server/src/testing/testHub.js';
import { collectDomainEvents, domainEventOf, openSocket, waitForDomainEvent } from './helpers/sockets.js';

let hub: TestHub;
let running: RunningHub;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await createSeededHub();
  running = await startServer(hub.deps, hub.services, { port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${running.port}`;
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await running.close();
  await hub.close();
});

describe('one batch of events, each message its own incident and audience', () => {
  it('two reports filed together: every message carries its own incident, after its event, in its audience’s view', async () => {
    const focalToken = await signIn(hub, 'focal.a');
    const agencyId = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
    const listeners = {
      responder: await openSocket(url, await signIn(hub, 'responder'), sockets),
      leader: await openSocket(url, await signIn(hub, 'leader'), sockets),
      agency: await openSocket(url, await signIn(hub, 'focal.a'), sockets),
    };
    const got = Object.fromEntries(Object.entries(listeners).map(([who, s]) => [who, collectDomainEvents(s)])) as Record<
      keyof typeof listeners,
      DomainEventMessage[]
    >;
    const file = (title: string) =>
      hub
        .http()
        .post('/api/incidents')
        .set('Authorization', `Bearer ${focalToken}`)
        .send({ agencyId, title, category: 'phishing', description: 'Thư giả mạo.', detectedAt: '2026-11-20T08:00:00+07:00' });
    // Filed at once, so their commits (and events) are published in one turn.
    const filed = await Promise.all([file('Lô sự kiện thứ nhất'), file('Lô sự kiện thứ hai')]);
    const incidents = filed.map((r) => {
      expect(r.status).toBe(201);
      return r.body as IncidentView;
    });
    // Each socket receives in commit order; wait until the last event of the batch arrived.
    const has = (who: keyof typeof listeners, id: string, type: string) =>
      got[who].some((m) => m.event.incidentId === id && m.event.type === type);
    const arrived = (who: keyof typeof listeners, id: string, type: string) =>
      has(who, id, type) ? Promise.resolve() : domainEventOf(listeners[who], id, type);
    for (const incident of incidents) {
      await arrived('responder', incident.id, 'incident.routed');
      await arrived('leader', incident.id, 'incident.routed');
      await arrived('agency', incident.id, 'incident.created');
    }

    for (const who of ['responder', 'leader'] as const) {
      const mine = got[who].filter((m) => incidents.some((i) => i.id === m.event.incidentId));
      expect(mine.map((m) => m.event.type).sort()).toEqual(['incident.created', 'incident.created', 'incident.routed', 'incident.routed']);
      for (const m of mine) {
        const filedAs = incidents.find((i) => i.id === m.event.incidentId)!;
        expect(m.incident?.id).toBe(m.event.incidentId);
        expect(m.incident?.title).toBe(filedAs.title);
        expect(m.incident?.routing.teamIds).toEqual(filedAs.routing.teamIds);
        // The CERT's working data is in its rooms' view.
        expect(m.incident).toHaveProperty('tasks');
        expect(m.incident).toHaveProperty('assigneeIds');
      }
    }
    const agencyGot = got.agency.filter((m) => incidents.some((i) => i.id === m.event.incidentId));
    expect(agencyGot.length).toBeGreaterThanOrEqual(2);
    for (const m of agencyGot) {
      expect(m.incident?.id).toBe(m.event.incidentId);
      for (const internal of ['tasks', 'tags', 'assigneeIds', 'slaDueAt']) expect(m.incident).not.toHaveProperty(internal);
      expect(m.incident?.routing).not.toHaveProperty('reasons');
    }
  });

  it("a report's events reach each audience in one frame, in commit order", async () => {
    const focalToken = await signIn(hub, 'focal.a');
    const agencyId = (await hub.store.users.getByUsername('focal.a'))!.agencyId!;
    const responder = await openSocket(url, await signIn(hub, 'responder'), sockets);
    const leader = await openSocket(url, await signIn(hub, 'leader'), sockets);
    // The raw frames, as socket.io delivers them: each listener call is one frame.
    const frames = (socket: Socket) => {
      const got: { name: string; types: string[]; incidentIds: string[] }[] = [];
      socket.onAny((name: string, payload: DomainEventMessage | DomainEventMessage[]) => {
        const messages = Array.isArray(payload) ? payload : [payload];
        got.push({ name, types: messages.map((m) => m.event?.type), incidentIds: messages.map((m) => m.event?.incidentId ?? '') });
      });
      return got;
    };
    const heard = { responder: frames(responder), leader: frames(leader) };
    const routed = Promise.all([responder, leader].map((s) => waitForDomainEvent(s, (m) => m.event.type === 'incident.routed')));
    const filed = await hub.http().post('/api/incidents').set('Authorization', `Bearer ${focalToken}`).send({
      agencyId,
      title: 'Một khung cho cả lô',
      category: 'phishing',
      description: 'Thư giả mạo.',
      detectedAt: '2026-11-20T08:00:00+07:00',
    });
    expect(filed.status).toBe(201);
    await routed;
    for (const got of Object.values(heard)) {
      const ofReport = got.filter((f) => f.incidentIds.includes((filed.body as IncidentView).id));
      expect(ofReport).toEqual([
        { name: SOCKET_EVENTS.domainEvents, types: ['incident.created', 'incident.routed'], incidentIds: expect.any(Array) },
      ]);
    }
  });
});
