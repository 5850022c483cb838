import { describe, expect, it } from 'vitest';
import type { DomainEventMessage } from '@cert-hub/shared';
import type { Audience, Delivery } from './feed.js';
import { framesOf, MAX_MESSAGES_PER_FRAME, type Frame } from './frames.js';

const message = (seq: number): DomainEventMessage => ({ event: { seq } as DomainEventMessage['event'], incident: null });
const delivery = (audience: Audience, rooms: string[], seq: number): Delivery => ({ audience, rooms, message: message(seq) });
const shape = (frames: Frame[]) => frames.map((f) => ({ rooms: f.rooms, seqs: f.messages.map((m) => m.event.seq) }));

/** What a socket in `rooms` receives: socket.io sends an emit to a socket once if it is in any of its rooms. */
const received = (emits: { rooms: string[]; seqs: number[] }[], rooms: string[]) =>
  emits.filter((e) => e.rooms.some((r) => rooms.includes(r))).flatMap((e) => e.seqs);

describe('framesOf', () => {
  it.each([
    {
      name: "a report's created and routed events: one frame per audience",
      deliveries: [
        delivery('teams', ['team:a'], 1),
        delivery('leaders', ['leaders'], 1),
        delivery('agency', ['agency:x'], 1),
        delivery('teams', ['team:a'], 2),
        delivery('leaders', ['leaders'], 2),
        delivery('agency', ['agency:x'], 2),
      ],
      frames: [
        { rooms: ['team:a'], seqs: [1, 2] },
        { rooms: ['leaders'], seqs: [1, 2] },
        { rooms: ['agency:x'], seqs: [1, 2] },
      ],
    },
    {
      name: 'the same rooms in another order are the same room set',
      deliveries: [delivery('teams', ['team:a', 'team:b'], 1), delivery('teams', ['team:b', 'team:a'], 2)],
      frames: [{ rooms: ['team:a', 'team:b'], seqs: [1, 2] }],
    },
    {
      name: 'another room set of the same audience starts a frame, and a later message does not jump back over it',
      deliveries: [
        delivery('teams', ['team:a', 'team:b'], 1),
        delivery('teams', ['team:a'], 2),
        delivery('teams', ['team:a', 'team:b'], 3),
      ],
      frames: [
        { rooms: ['team:a', 'team:b'], seqs: [1] },
        { rooms: ['team:a'], seqs: [2] },
        { rooms: ['team:a', 'team:b'], seqs: [3] },
      ],
    },
    {
      name: 'an agency-only event between two others of the same agency keeps its place',
      deliveries: [delivery('agency', ['agency:x'], 1), delivery('agency', ['agency:y'], 2), delivery('agency', ['agency:x'], 3)],
      frames: [
        { rooms: ['agency:x'], seqs: [1] },
        { rooms: ['agency:y'], seqs: [2] },
        { rooms: ['agency:x'], seqs: [3] },
      ],
    },
    { name: 'nothing to send', deliveries: [], frames: [] },
  ])('$name', ({ deliveries, frames }) => {
    expect(shape(framesOf(deliveries))).toEqual(frames);
  });

  it(`starts a new frame after ${MAX_MESSAGES_PER_FRAME} messages`, () => {
    const many = Array.from({ length: MAX_MESSAGES_PER_FRAME + 1 }, (_, i) => delivery('leaders', ['leaders'], i + 1));
    expect(framesOf(many).map((f) => f.messages.length)).toEqual([MAX_MESSAGES_PER_FRAME, 1]);
  });

  it('every socket receives exactly what one emit per delivery gave it, in the same order (random batches)', () => {
    // A small deterministic generator, so a failure reproduces.
    let state = 42;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const teamRooms = ['team:a', 'team:b', 'team:c'];
    const agencyRooms = ['agency:x', 'agency:y'];
    // Sockets as `roomsFor` makes them: one audience each; CERT staff may be on several teams.
    const sockets = [
      ...[['team:a'], ['team:b'], ['team:a', 'team:b'], ['team:a', 'team:b', 'team:c'], ['team:c']],
      ['leaders'],
      ...agencyRooms.map((r) => [r]),
    ];
    for (let round = 0; round < 500; round++) {
      const deliveries: Delivery[] = [];
      for (let seq = 1; seq <= 1 + random(30); seq++) {
        const teams = teamRooms.filter(() => random(2) === 1);
        if (teams.length > 0) deliveries.push(delivery('teams', teams, seq));
        deliveries.push(delivery('leaders', ['leaders'], seq));
        if (random(2) === 1) deliveries.push(delivery('agency', [agencyRooms[random(2)]!], seq));
      }
      const oneByOne = deliveries.map((d) => ({ rooms: d.rooms, seqs: [d.message.event.seq] }));
      const framed = shape(framesOf(deliveries));
      for (const rooms of sockets) expect(received(framed, rooms)).toEqual(received(oneByOne, rooms));
      expect(framed.length).toBeLessThanOrEqual(oneByOne.length);
    }
  });
});
